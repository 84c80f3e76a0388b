package com.nightshift.rollup.cache;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts {@link RollupRedis} runs: Redis runs each atomically, in one round trip. Their arguments are
 * described at the top of each file, next to this class's package in the resources.
 */
final class RollupScripts {

    /** Replaces stores' keys (writes and deletes) and bumps their generations, refusing out-of-order commits. */
    static final RedisScript<byte[]> REPLACE = script("replace.lua", byte[].class);

    /**
     * Writes keys back from a read only if absent, so that a write-back never overwrites a refresh, and only if
     * the store's generation is unchanged, so that it never recreates a key a refresh deleted or wrote after the
     * rows were read.
     */
    static final RedisScript<Long> ADD_MISSING = script("add-missing.lua", Long.class);

    /** Which of the keys exist, one character per key. */
    static final RedisScript<byte[]> EXISTING = script("existing.lua", byte[].class);

    private RollupScripts() {
    }

    private static <T> RedisScript<T> script(String file, Class<T> resultType) {
        return RedisScript.of(new ClassPathResource(file, RollupScripts.class), resultType);
    }
}
