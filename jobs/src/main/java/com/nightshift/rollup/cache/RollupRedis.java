package com.nightshift.rollup.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
 *
 * <p>Each store has a generation, incremented by every replacement of its keys in the same script. Rows read
 * from the tables are written back only if their store's generation is what it was before they were read
 * ({@link Generations}): a replacement in between means they may be older than what it wrote or deleted.
 */
@Component
class RollupRedis {

    /** Keys per script call: large enough to make round trips rare, small enough to keep each call short. */
    private static final int BATCH = 1000;

    static final RedisScript<Long> REPLACE = RedisScript.of("""
            -- KEYS: g generation keys, then w keys to write, then the keys to delete
            -- ARGV[1]: g; ARGV[2]: w; ARGV[3]: time to live in ms; ARGV[4]: '1' if the generations must still be
            -- those in ARGV[5 .. 4 + g] ('' for none); then the values of the keys to write
            local g = tonumber(ARGV[1])
            local w = tonumber(ARGV[2])
            local values = 4
            if ARGV[4] == '1' then
                for j = 1, g do
                    if (redis.call('GET', KEYS[j]) or '') ~= ARGV[4 + j] then
                        return -1
                    end
                end
                values = 4 + g
            end
            for i = 1, w do
                redis.call('SET', KEYS[g + i], ARGV[values + i], 'PX', ARGV[3])
            end
            for i = g + w + 1, #KEYS do
                redis.call('DEL', KEYS[i])
            end
            for j = 1, g do
                redis.call('INCR', KEYS[j])
            end
            return #KEYS - g
            """, Long.class);

    // Only-if-absent, so that a write-back never overwrites a refresh; only-if-same-generation, so that it
    // never recreates a key that a refresh deleted or wrote after the rows were read.
    static final RedisScript<Long> ADD_MISSING = RedisScript.of("""
            -- KEYS: g generation keys, then the keys to add
            -- ARGV[1]: g; ARGV[2]: time to live in ms; ARGV[2 + j]: generation j as it was before the rows were
            -- read ('' for none); then, per key to add, the index of its store's generation and its value
            local g = tonumber(ARGV[1])
            local unchanged = {}
            for j = 1, g do
                unchanged[j] = (redis.call('GET', KEYS[j]) or '') == ARGV[2 + j]
            end
            local written = 0
            for i = 1, #KEYS - g do
                local at = 2 + g + 2 * i - 1
                if unchanged[tonumber(ARGV[at])]
                        and redis.call('SET', KEYS[g + i], ARGV[at + 1], 'PX', ARGV[2], 'NX') then
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
        guarded(() -> redis.execute(REPLACE, List.of(), ascii(0), ascii(0), ascii(1), ascii(0)));
        guarded(() -> redis.execute(ADD_MISSING, List.of(), ascii(0), ascii(1)));
        guarded(() -> redis.execute(EXISTING, List.of()));
    }

    /**
     * The cached days among {@code days}, and the generations of their stores, in one MGET; days not cached are
     * absent from the result.
     */
    Cached get(List<RollupDay> days) {
        List<String> stores = storesOf(days);
        List<String> allKeys = new ArrayList<>(keysOf(days));
        stores.forEach(store -> allKeys.add(keys.generationKeyOf(store)));
        List<byte[]> values = guarded(() -> redis.opsForValue().multiGet(allKeys));
        Map<RollupDay, List<RollupRow>> cached = new HashMap<>();
        for (int i = 0; i < days.size(); i++) {
            if (values.get(i) != null) {
                cached.put(days.get(i), codec.decode(days.get(i).grain(), values.get(i)));
            }
        }
        return new Cached(cached, Generations.of(stores, values.subList(days.size(), values.size())));
    }

    /** The current generations of {@code stores}, in one MGET. */
    Generations generations(Collection<String> stores) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(stores));
        if (distinct.isEmpty()) {
            return Generations.of(List.of(), List.of());
        }
        return Generations.of(distinct,
                guarded(() -> redis.opsForValue().multiGet(distinct.stream().map(keys::generationKeyOf).toList())));
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

    /**
     * Writes the days that have no key yet, each with {@code ttl}, if their store's generation is still as
     * {@code seen} before the rows were read; returns how many were written.
     */
    int addMissing(Map<RollupDay, List<RollupRow>> rows, Duration ttl, Generations seen) {
        int written = 0;
        for (List<RollupDay> batch : Batches.of(List.copyOf(rows.keySet()), BATCH)) {
            List<String> stores = storesOf(batch);
            List<String> allKeys = new ArrayList<>(stores.stream().map(keys::generationKeyOf).toList());
            allKeys.addAll(keysOf(batch));
            List<byte[]> arguments = new ArrayList<>(2 + stores.size() + 2 * batch.size());
            arguments.add(ascii(stores.size()));
            arguments.add(ascii(ttl.toMillis()));
            Map<String, Integer> index = new HashMap<>();
            stores.forEach(store -> {
                arguments.add(seen.of(store));
                index.put(store, index.size() + 1);
            });
            for (RollupDay day : batch) {
                arguments.add(ascii(index.get(day.store())));
                arguments.add(codec.encode(day.grain(), rows.get(day)));
            }
            written += guarded(() -> redis.execute(ADD_MISSING, allKeys, arguments.toArray())).intValue();
        }
        return written;
    }

    /**
     * In one atomic step, writes {@code rows} with {@code ttl}, deletes {@code deletions} and moves their stores
     * to a new generation: a reader sees either all of the old keys or all of the new ones. For rows that were
     * current when they were handed over, e.g. committed by the caller's transaction.
     */
    void replace(Map<RollupDay, List<RollupRow>> rows, Collection<RollupDay> deletions, Duration ttl) {
        replace(rows, deletions, ttl, null);
    }

    /**
     * Like {@link #replace(Map, Collection, Duration)} for rows read from the tables, if their stores' generations
     * are still as {@code seen} before they were read.
     *
     * @return false, having changed nothing, if another replacement came in between
     */
    boolean replaceIfUnchanged(Map<RollupDay, List<RollupRow>> rows, Collection<RollupDay> deletions,
            Duration ttl, Generations seen) {
        return replace(rows, deletions, ttl, seen) >= 0;
    }

    private long replace(Map<RollupDay, List<RollupRow>> rows, Collection<RollupDay> deletions, Duration ttl,
            Generations seen) {
        List<RollupDay> written = List.copyOf(rows.keySet());
        List<RollupDay> all = new ArrayList<>(written);
        all.addAll(deletions);
        List<String> stores = storesOf(all);
        List<String> allKeys = new ArrayList<>(stores.stream().map(keys::generationKeyOf).toList());
        allKeys.addAll(keysOf(written));
        allKeys.addAll(keysOf(deletions));
        List<byte[]> arguments = new ArrayList<>(4 + stores.size() + written.size());
        arguments.add(ascii(stores.size()));
        arguments.add(ascii(written.size()));
        arguments.add(ascii(ttl.toMillis()));
        arguments.add(ascii(seen == null ? 0 : 1));
        if (seen != null) {
            stores.forEach(store -> arguments.add(seen.of(store)));
        }
        written.forEach(day -> arguments.add(codec.encode(day.grain(), rows.get(day))));
        return guarded(() -> redis.execute(REPLACE, allKeys, arguments.toArray()));
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

    private static List<String> storesOf(Collection<RollupDay> days) {
        return days.stream().map(RollupDay::store).distinct().toList();
    }

    private static byte[] ascii(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }

    /** What {@link #get} found: the cached days, and their stores' generations before any table read. */
    record Cached(Map<RollupDay, List<RollupRow>> rows, Generations generations) {
    }

    /** Stores' generations as read at one moment; a store never refreshed has the empty generation. */
    record Generations(Map<String, byte[]> byStore) {

        private static final byte[] NONE = new byte[0];
        private static final byte[] UNKNOWN = "unknown".getBytes(StandardCharsets.US_ASCII);

        static Generations of(List<String> stores, List<byte[]> values) {
            Map<String, byte[]> byStore = new HashMap<>();
            for (int i = 0; i < stores.size(); i++) {
                byStore.put(stores.get(i), values.get(i) == null ? NONE : values.get(i));
            }
            return new Generations(byStore);
        }

        /** A store not read counts as changed: its rows are never written back. */
        byte[] of(String store) {
            return byStore.getOrDefault(store, UNKNOWN);
        }
    }
}
