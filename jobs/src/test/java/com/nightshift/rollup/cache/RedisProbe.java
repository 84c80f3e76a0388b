package com.nightshift.rollup.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import com.nightshift.rollup.RollupRow;

/** Looks at the rollup cache's keys in Redis directly, bypassing the code under test, for assertions. */
final class RedisProbe {

    private final RedisConnectionFactory connectionFactory;
    private final RollupKeys keys;
    private final RollupCodec codec;

    RedisProbe(RedisConnectionFactory connectionFactory, RollupKeys keys, RollupCodec codec) {
        this.connectionFactory = connectionFactory;
        this.keys = keys;
        this.codec = codec;
    }

    /** The stored bytes of {@code key} (UTF-8 encoded), or null if there is no such key. */
    byte[] raw(String key) {
        try (RedisConnection connection = connectionFactory.getConnection()) {
            return connection.stringCommands().get(utf8(key));
        }
    }

    byte[] raw(RollupDay day) {
        return raw(keys.keyOf(day));
    }

    boolean exists(RollupDay day) {
        return raw(day) != null;
    }

    List<RollupRow> decoded(RollupDay day) {
        return codec.decode(day.grain(), raw(day));
    }

    Duration timeToLive(RollupDay day) {
        try (RedisConnection connection = connectionFactory.getConnection()) {
            return Duration.ofMillis(connection.keyCommands().pTtl(utf8(keys.keyOf(day))));
        }
    }

    void delete(RollupDay day) {
        try (RedisConnection connection = connectionFactory.getConnection()) {
            connection.keyCommands().del(utf8(keys.keyOf(day)));
        }
    }

    long keyCount() {
        try (RedisConnection connection = connectionFactory.getConnection()) {
            return connection.serverCommands().dbSize();
        }
    }

    private static byte[] utf8(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
