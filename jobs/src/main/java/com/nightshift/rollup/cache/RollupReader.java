package com.nightshift.rollup.cache;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import com.nightshift.rollup.RollupGrain;
import com.nightshift.rollup.RollupRow;
import com.nightshift.rollup.cache.CacheLookupMetrics.Layer;
import com.nightshift.rollup.cache.RollupRedis.Generations;

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
        // Before anything is read: rows read after a refresh evicted the store must not be put back.
        long evictions = memory.evictionsOf(store);
        Map<RollupDay, List<RollupRow>> found = new HashMap<>(memory.getAllPresent(days));
        metrics.record(Layer.MEMORY, found.size(), days.size() - found.size());
        List<RollupDay> missing = stillMissing(days, found);
        if (missing.isEmpty()) {
            return rowsOf(days, found);
        }
        Optional<RollupRedis.Cached> cached = fromRedis(missing);
        Map<RollupDay, List<RollupRow>> loaded = new HashMap<>(cached.map(RollupRedis.Cached::rows).orElse(Map.of()));
        missing = stillMissing(missing, loaded);
        if (!missing.isEmpty()) {
            loaded.putAll(fromTables(grain, store, missing, cached.map(RollupRedis.Cached::generations)));
        }
        memory.putAllIfNotEvictedSince(store, evictions, loaded);
        found.putAll(loaded);
        return rowsOf(days, found);
    }

    /** The days cached in Redis, and the store's generation read in the same call; empty if Redis is down. */
    private Optional<RollupRedis.Cached> fromRedis(List<RollupDay> days) {
        try {
            RollupRedis.Cached cached = redis.get(days);
            metrics.record(Layer.REDIS, cached.rows().size(), days.size() - cached.rows().size());
            return Optional.of(cached);
        } catch (RedisUnavailableException e) {
            metrics.record(Layer.REDIS, 0, days.size());
            return Optional.empty();
        }
    }

    /**
     * Asks the tables for the span of the missing days and writes the missing days found back to Redis, if the
     * store's generation read before is still current there.
     */
    private Map<RollupDay, List<RollupRow>> fromTables(RollupGrain grain, String store, List<RollupDay> missing,
            Optional<Generations> seen) {
        DateRange span = new DateRange(missing.get(0).businessDate(), missing.get(missing.size() - 1).businessDate());
        Map<RollupDay, List<RollupRow>> loaded = new HashMap<>(tables.read(grain, store, span));
        loaded.keySet().retainAll(new HashSet<>(missing));
        metrics.record(Layer.DATABASE, loaded.size(), 0);
        seen.ifPresent(generations -> writeBack(loaded, generations));
        return loaded;
    }

    /** Not written back when Redis is down: the next read of these days after it is back writes them. */
    private void writeBack(Map<RollupDay, List<RollupRow>> loaded, Generations seen) {
        try {
            redis.addMissing(loaded, properties.readTtl(), seen);
        } catch (RedisUnavailableException e) {
            // Not cached this time.
        }
    }

    private static List<RollupRow> rowsOf(List<RollupDay> days, Map<RollupDay, List<RollupRow>> found) {
        return days.stream().flatMap(day -> found.get(day).stream()).toList();
    }

    private static List<RollupDay> stillMissing(List<RollupDay> days, Map<RollupDay, ?> found) {
        Set<RollupDay> present = found.keySet();
        return days.stream().filter(day -> !present.contains(day)).toList();
    }
}
