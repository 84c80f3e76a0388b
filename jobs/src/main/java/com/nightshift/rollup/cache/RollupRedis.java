package com.nightshift.rollup.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;

/**
 * The Redis layer of the rollup cache: store-days in, store-days out; keys and bytes stay in here. Multi-key
 * writes are Lua scripts, which Redis runs atomically on the shared connection in one round trip. Every
 * method either completes or throws {@link RedisUnavailableException}.
 */
@Component
class RollupRedis {

    /** Keys per script call: large enough to make round trips rare, small enough to keep each call short. */
    private static final int BATCH = 1000;

    static final RedisScript<Long> REPLACE = RedisScript.of("""
            -- KEYS: the keys to write, then the keys to delete; ARGV[1]: how many to write;
            -- ARGV[2]: their time to live in ms; ARGV[2 + i]: the value of KEYS[i]
            local writes = tonumber(ARGV[1])
            for i = 1, writes do
                redis.call('SET', KEYS[i], ARGV[2 + i], 'PX', ARGV[2])
            end
            for i = writes + 1, #KEYS do
                redis.call('DEL', KEYS[i])
            end
            return #KEYS
            """, Long.class);

    // Only-if-absent, so that a read writing back what it fetched cannot overwrite a newer partition refresh.
    static final RedisScript<Long> ADD_MISSING = RedisScript.of("""
            -- KEYS: the keys; ARGV[1]: time to live in ms; ARGV[1 + i]: the value of KEYS[i]
            local written = 0
            for i = 1, #KEYS do
                if redis.call('SET', KEYS[i], ARGV[1 + i], 'PX', ARGV[1], 'NX') then
                    written = written + 1
                end
            end
            return written
            """, Long.class);

    static final RedisScript<byte[]> EXISTING = RedisScript.of("""
            -- One character per key: '1' if it exists, '0' if not
            local flags = {}
            for i = 1, #KEYS do
                flags[i] = redis.call('EXISTS', KEYS[i])
            end
            return table.concat(flags)
            """, byte[].class);

    private final RedisTemplate<String, byte[]> redis = new RedisTemplate<>();
    private final RollupKeys keys;
    private final RollupCodec codec;
    private final RedisCircuit circuit;

    RollupRedis(RedisConnectionFactory connectionFactory, RollupKeys keys, RollupCodec codec,
            RollupCacheProperties properties) {
        redis.setConnectionFactory(connectionFactory);
        redis.setKeySerializer(RedisSerializer.string());
        redis.setValueSerializer(RedisSerializer.byteArray());
        redis.afterPropertiesSet();
        this.keys = keys;
        this.codec = codec;
        this.circuit = new RedisCircuit(properties.circuitOpenFor());
    }

    /**
     * Runs each script once on no keys, which changes nothing: Redis then holds the scripts (a first call
     * otherwise costs a refused EVALSHA and an EVAL) and the client has been through its script path, whose
     * first use measured 70 ms inside a run's first partitions.
     */
    void loadScripts() {
        guarded(() -> redis.execute(REPLACE, List.of(), ascii(0), ascii(1)));
        guarded(() -> redis.execute(ADD_MISSING, List.of(), ascii(1)));
        guarded(() -> redis.execute(EXISTING, List.of()));
    }

    /** The cached days among {@code days}, in one MGET; days not cached are absent from the result. */
    Map<RollupDay, List<RollupRow>> get(List<RollupDay> days) {
        if (days.isEmpty()) {
            return Map.of();
        }
        List<byte[]> values = guarded(() -> redis.opsForValue().multiGet(keysOf(days)));
        Map<RollupDay, List<RollupRow>> cached = new HashMap<>();
        for (int i = 0; i < days.size(); i++) {
            if (values.get(i) != null) {
                cached.put(days.get(i), codec.decode(days.get(i).grain(), values.get(i)));
            }
        }
        return cached;
    }

    /**
     * The days among {@code days} that have no key, without reading values: per batch, one EXISTS counts the
     * keys present, and only a batch with keys missing is asked which ones.
     */
    List<RollupDay> missing(List<RollupDay> days) {
        List<RollupDay> missing = new ArrayList<>();
        for (List<RollupDay> batch : Batches.of(days, BATCH)) {
            List<String> batchKeys = keysOf(batch);
            if (guarded(() -> redis.countExistingKeys(batchKeys)) == batch.size()) {
                continue;
            }
            byte[] flags = guarded(() -> redis.execute(EXISTING, batchKeys));
            for (int i = 0; i < batch.size(); i++) {
                if (flags[i] == '0') {
                    missing.add(batch.get(i));
                }
            }
        }
        return missing;
    }

    /** Writes the days that have no key yet, each with {@code ttl}; returns how many were written. */
    int addMissing(Map<RollupDay, List<RollupRow>> rows, Duration ttl) {
        int written = 0;
        for (List<RollupDay> batch : Batches.of(List.copyOf(rows.keySet()), BATCH)) {
            List<byte[]> arguments = new ArrayList<>(batch.size() + 1);
            arguments.add(ascii(ttl.toMillis()));
            batch.forEach(day -> arguments.add(codec.encode(day.grain(), rows.get(day))));
            written += guarded(() -> redis.execute(ADD_MISSING, keysOf(batch), arguments.toArray())).intValue();
        }
        return written;
    }

    /**
     * In one atomic step, writes {@code rows} with {@code ttl} and deletes {@code deletions}: a reader sees
     * either all of the old keys or all of the new ones.
     */
    void replace(Map<RollupDay, List<RollupRow>> rows, Collection<RollupDay> deletions, Duration ttl) {
        List<RollupDay> written = List.copyOf(rows.keySet());
        List<String> allKeys = new ArrayList<>(keysOf(written));
        allKeys.addAll(keysOf(deletions));
        List<byte[]> arguments = new ArrayList<>(written.size() + 2);
        arguments.add(ascii(written.size()));
        arguments.add(ascii(ttl.toMillis()));
        written.forEach(day -> arguments.add(codec.encode(day.grain(), rows.get(day))));
        guarded(() -> redis.execute(REPLACE, allKeys, arguments.toArray()));
    }

    private <T> T guarded(Supplier<T> call) {
        if (!circuit.allowsCalls()) {
            throw new RedisUnavailableException("Redis is skipped for a while after a failure");
        }
        try {
            return call.get();
        } catch (DataAccessException e) {
            circuit.recordFailure(e);
            throw new RedisUnavailableException("Redis is unavailable: " + e.getMessage(), e);
        }
    }

    private List<String> keysOf(Collection<RollupDay> days) {
        return days.stream().map(keys::keyOf).toList();
    }

    private static byte[] ascii(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }
}
