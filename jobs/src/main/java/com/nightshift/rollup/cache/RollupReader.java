package com.nightshift.rollup.cache;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import com.nightshift.rollup.RollupGrain;
import com.nightshift.rollup.cache.CacheLookupMetrics.Layer;

/**
 * The read path dashboards use. Looks each store-day up in process memory, then Redis (one MGET for the days
 * memory lacks), then the rollup tables (one query for the days still missing), and writes what a lower
 * layer found back into the layers above it. Redis being down only makes reads slower: the tables answer,
 * and the cache fills again by itself once Redis is back.
 */
@Service
public class RollupReader {

    private final RollupMemoryCache memory;
    private final RollupRedis redis;
    private final RollupTables tables;
    private final CacheLookupMetrics metrics;
    private final RollupCacheProperties properties;

    RollupReader(RollupMemoryCache memory, RollupRedis redis, RollupTables tables, CacheLookupMetrics metrics,
            RollupCacheProperties properties) {
        this.memory = memory;
        this.redis = redis;
        this.tables = tables;
        this.metrics = metrics;
        this.properties = properties;
    }

    /**
     * One store's rows of one grain from {@code from} to {@code to} (both included), ordered by business date,
     * then product or channel. Days without rows contribute none.
     *
     * @throws IllegalArgumentException if {@code from} is after {@code to}
     */
    public List<RollupRow> read(RollupGrain grain, String store, LocalDate from, LocalDate to) {
        List<RollupDay> days = RollupDay.of(grain, store, new DateRange(from, to));
        Map<RollupDay, List<RollupRow>> found = new HashMap<>(memory.getAllPresent(days));
        metrics.record(Layer.MEMORY, found.size(), days.size() - found.size());
        List<RollupDay> missing = stillMissing(days, found);
        if (!missing.isEmpty()) {
            Map<RollupDay, List<RollupRow>> cached = fromRedis(missing);
            memory.putAll(cached);
            found.putAll(cached);
            missing = stillMissing(missing, found);
        }
        if (!missing.isEmpty()) {
            found.putAll(fromTables(grain, store, missing));
        }
        return days.stream().flatMap(day -> found.get(day).stream()).toList();
    }

    private Map<RollupDay, List<RollupRow>> fromRedis(List<RollupDay> days) {
        Map<RollupDay, List<RollupRow>> cached;
        try {
            cached = redis.get(days);
        } catch (RedisUnavailableException e) {
            cached = Map.of();
        }
        metrics.record(Layer.REDIS, cached.size(), days.size() - cached.size());
        return cached;
    }

    /** Asks the tables for the span of the missing days and caches the missing days found. */
    private Map<RollupDay, List<RollupRow>> fromTables(RollupGrain grain, String store, List<RollupDay> missing) {
        DateRange span = new DateRange(missing.get(0).businessDate(), missing.get(missing.size() - 1).businessDate());
        Map<RollupDay, List<RollupRow>> loaded = new HashMap<>(tables.read(grain, store, span));
        loaded.keySet().retainAll(new HashSet<>(missing));
        metrics.record(Layer.DATABASE, loaded.size(), 0);
        try {
            redis.addMissing(loaded, properties.readTtl());
        } catch (RedisUnavailableException e) {
            // Not cached this time: the next read of these days after Redis is back writes them.
        }
        memory.putAll(loaded);
        return loaded;
    }

    private static List<RollupDay> stillMissing(List<RollupDay> days, Map<RollupDay, ?> found) {
        Set<RollupDay> present = found.keySet();
        return days.stream().filter(day -> !present.contains(day)).toList();
    }
}
