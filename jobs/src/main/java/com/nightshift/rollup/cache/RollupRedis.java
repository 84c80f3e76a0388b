package com.nightshift.rollup.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;

import com.nightshift.rollup.RollupRow;

/**
 * The Redis layer of the rollup cache: store-days in, store-days out; keys and bytes stay in here. Multi-key
 * writes are Lua scripts, which Redis runs atomically on the shared connection in one round trip. Every
 * method either completes or throws {@link RedisUnavailableException}.
 *
 * <p>Each store has a generation, incremented by every replacement of its keys in the same script. Rows read
 * from the tables are written back only if their store's generation is what it was before they were read
 * ({@link Generations}): a replacement in between means they may be older than what it wrote or deleted.
 * Each store also keeps the version of the last commit whose rows replaced its keys, so that of two commits'
 * refreshes arriving in the wrong order, the older one is refused.
 */
@Component
class RollupRedis {

    /** Keys per script call: large enough to make round trips rare, small enough to keep each call short. */
    private static final int BATCH = 1000;

    private static final byte[] VERSIONS = "versions".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GENERATIONS = "generations".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SET = {'s'};
    private static final byte[] DELETE = {'d'};
    private static final byte[] NOTHING = {};

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
        guarded(() -> redis.execute(RollupScripts.REPLACE, List.of(), ascii(0), ascii(1), VERSIONS));
        guarded(() -> redis.execute(RollupScripts.ADD_MISSING, List.of(), ascii(0), ascii(1)));
        guarded(() -> redis.execute(RollupScripts.EXISTING, List.of()));
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
            byte[] flags = guarded(() -> redis.execute(RollupScripts.EXISTING, batchKeys));
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
            written += guarded(() -> redis.execute(RollupScripts.ADD_MISSING, allKeys, arguments.toArray()))
                    .intValue();
        }
        return written;
    }

    /**
     * In one atomic step per store, writes {@code rows} with {@code ttl}, deletes {@code deletions} and moves the
     * store to a new generation, for rows committed by a transaction whose version (for each store) is in
     * {@code versions}: a reader sees either all of a store's old keys or all of its new ones. A store whose keys
     * were already replaced by a later commit (a refresh that came first) is left alone.
     *
     * @return the stores replaced
     */
    Set<String> replaceCommitted(Map<RollupDay, List<RollupRow>> rows, Collection<RollupDay> deletions,
            Duration ttl, Map<String, Long> versions) {
        return replace(rows, deletions, ttl, VERSIONS, store -> ascii(versions.get(store)));
    }

    /**
     * Like {@link #replaceCommitted} for rows read from the tables, if their stores' generations are still as
     * {@code seen} before they were read.
     *
     * @return false, having changed nothing, if another replacement came in between
     */
    boolean replaceIfUnchanged(Map<RollupDay, List<RollupRow>> rows, Collection<RollupDay> deletions,
            Duration ttl, Generations seen) {
        List<String> stores = storesOf(concat(rows.keySet(), deletions));
        return replace(rows, deletions, ttl, GENERATIONS, seen::of).size() == stores.size();
    }

    private Set<String> replace(Map<RollupDay, List<RollupRow>> rows, Collection<RollupDay> deletions,
            Duration ttl, byte[] mode, Function<String, byte[]> perStore) {
        List<RollupDay> all = concat(rows.keySet(), deletions);
        List<String> stores = storesOf(all);
        Map<String, Integer> index = new HashMap<>();
        List<String> allKeys = new ArrayList<>(2 * stores.size() + all.size());
        List<byte[]> arguments = new ArrayList<>(3 + stores.size() + 3 * all.size());
        arguments.add(ascii(stores.size()));
        arguments.add(ascii(ttl.toMillis()));
        arguments.add(mode);
        for (String store : stores) {
            index.put(store, index.size() + 1);
            allKeys.add(keys.generationKeyOf(store));
            allKeys.add(keys.versionKeyOf(store));
            arguments.add(perStore.apply(store));
        }
        for (RollupDay day : all) {
            allKeys.add(keys.keyOf(day));
            arguments.add(ascii(index.get(day.store())));
            boolean write = rows.containsKey(day);
            arguments.add(write ? SET : DELETE);
            arguments.add(write ? codec.encode(day.grain(), rows.get(day)) : NOTHING);
        }
        byte[] flags = guarded(() -> redis.execute(RollupScripts.REPLACE, allKeys, arguments.toArray()));
        Set<String> replaced = new HashSet<>();
        for (int j = 0; j < stores.size(); j++) {
            if (flags[j] == '1') {
                replaced.add(stores.get(j));
            }
        }
        return replaced;
    }

    private static List<RollupDay> concat(Collection<RollupDay> first, Collection<RollupDay> second) {
        List<RollupDay> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
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
