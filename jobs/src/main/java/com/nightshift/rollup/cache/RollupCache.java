package com.nightshift.rollup.cache;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.nightshift.rollup.RollupGrain;
import com.nightshift.rollup.RollupPartition;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps Redis in step with the rollup tables, for the rollup job to call: after each committed transaction
 * ({@link #refreshPartitions}) and after each run ({@link #warmUp()}). Neither method throws when Redis is down:
 * a partition that could not be refreshed is noted in the database ({@link CacheRepairs}) and redone by the
 * next warm-up, in whichever process runs it.
 */
@Service
public class RollupCache {

    private static final Logger log = LoggerFactory.getLogger(RollupCache.class);

    /** Store-days per query when warming up: few queries, while a batch of product days stays a few MB. */
    private static final int LOAD_BATCH = 500;

    private final RollupTables tables;
    private final RollupRedis redis;
    private final RollupMemoryCache memory;
    private final HotWindow hotWindow;
    private final RollupCacheProperties properties;
    private final CacheRepairs repairs;

    RollupCache(RollupTables tables, RollupRedis redis, RollupMemoryCache memory, HotWindow hotWindow,
            CacheRepairs repairs, RollupCacheProperties properties, MeterRegistry registry) {
        this.tables = tables;
        this.redis = redis;
        this.memory = memory;
        this.hotWindow = hotWindow;
        this.repairs = repairs;
        this.properties = properties;
        Gauge.builder("nightshift.rollup.cache.repairs.pending", repairs, CacheRepairs::count)
                .description("Rollup partitions whose Redis refresh failed, waiting for the next warm-up")
                .register(registry);
    }

    /**
     * Replaces a committed partition's keys for all three grains in one atomic Redis step: the dates inside
     * the hot window are written from the tables, the others deleted so that no stale value survives. Also
     * evicts the partition from this process's memory; other instances' memory expires within
     * {@code memoryTtl}.
     *
     * @return a failed refresh if Redis is unavailable; the partition is then in {@link #pendingRepairs()}
     * @throws IllegalArgumentException if {@code from} is after {@code to}
     */
    public CacheRefresh refreshPartition(String store, LocalDate from, LocalDate to) {
        return refresh(Map.of(new RollupPartition(store, from, to), fromTables(store))).get(0);
    }

    /**
     * Like {@link #refreshPartition}, for several committed partitions in one atomic Redis step and from the
     * rows they have just committed rather than from the tables: a rollup run refreshes every partition it
     * commits, and doing so partition by partition, reading each back, cost as much as computing it.
     *
     * @return one refresh per partition, all failed if Redis is unavailable
     */
    public List<CacheRefresh> refreshPartitions(Map<RollupPartition, ? extends CommittedRows> committed) {
        Map<RollupPartition, HotRows> sources = new LinkedHashMap<>();
        committed.forEach((partition, rows) -> sources.put(partition, (grain, dates) -> RollupTables.byDay(grain,
                RollupDay.of(grain, partition.store(), dates), rows.between(grain, dates.from(), dates.to()))));
        return refresh(sources);
    }

    private List<CacheRefresh> refresh(Map<RollupPartition, HotRows> sources) {
        try {
            Map<RollupDay, List<RollupRow>> rows = new HashMap<>();
            List<RollupDay> outside = new ArrayList<>();
            List<CacheRefresh> refreshes = new ArrayList<>();
            sources.forEach((partition, hotRows) -> {
                HotKeys keys = hotKeys(partition, hotRows);
                rows.putAll(keys.rows());
                outside.addAll(keys.outside());
                refreshes.add(CacheRefresh.succeeded(partition, keys.rows().size(), keys.outside().size()));
            });
            redis.replace(rows, outside, properties.hotTtl());
            return refreshes;
        } catch (RuntimeException e) {
            // Redis down, or anything else: the warm-up redoes the partitions from the tables either way.
            repairs.add(sources.keySet());
            if (e instanceof RedisUnavailableException) {
                log.warn("Rollup cache of {} not refreshed, left for the next warm-up: {}", sources.keySet(),
                        e.getMessage());
            } else {
                log.error("Rollup cache of {} not refreshed, left for the next warm-up", sources.keySet(), e);
            }
            return sources.keySet().stream().map(partition -> CacheRefresh.failed(partition, e.getMessage()))
                    .toList();
        } finally {
            // After the Redis write, so that a concurrent read cannot refill memory from the old Redis value.
            sources.keySet().forEach(partition ->
                    memory.evict(RollupDay.ofAllGrains(partition.store(), DateRange.of(partition))));
        }
    }

    /**
     * Redoes the partitions in the repair list, then writes every hot-window key missing from Redis, for all
     * three grains of every store with rollup rows in the window. Checking costs one EXISTS per thousand keys
     * and reads no values, so a warm-up with nothing missing is cheap (about 50 ms for 100 stores x 45 days).
     */
    public WarmUpResult warmUp() {
        int repaired = 0;
        List<RollupPartition> pending = repairs.pending();
        for (RollupPartition partition : pending) {
            // Removed before the redo: a redo that fails notes the partition again, as every failed refresh does.
            repairs.remove(partition);
            CacheRefresh redo = refresh(Map.of(partition, fromTables(partition.store()))).get(0);
            if (!redo.succeeded()) {
                repairs.add(pending.subList(repaired + 1, pending.size()));
                return new WarmUpResult(0, 0, repaired, pending.size() - repaired, redo.failure());
            }
            repaired++;
        }
        List<RollupDay> hotDays = hotDays();
        int checked = 0;
        int written = 0;
        try {
            List<RollupDay> missing = redis.missing(hotDays);
            checked = hotDays.size();
            for (Map.Entry<RollupGrain, List<RollupDay>> grain : byGrain(missing).entrySet()) {
                for (List<RollupDay> batch : Batches.of(grain.getValue(), LOAD_BATCH)) {
                    written += redis.addMissing(tables.read(grain.getKey(), batch), properties.hotTtl());
                }
            }
        } catch (RedisUnavailableException e) {
            return new WarmUpResult(checked, written, repaired, 0, Optional.of(e.getMessage()));
        }
        return new WarmUpResult(checked, written, repaired, 0, Optional.empty());
    }

    /** Partitions whose refresh failed and that the next warm-up redoes. */
    public Set<RollupPartition> pendingRepairs() {
        return Set.copyOf(repairs.pending());
    }

    private HotRows fromTables(String store) {
        return (grain, dates) -> tables.read(grain, store, dates);
    }

    /** A partition's keys: those of its hot-window days to write, and those of its other days to delete. */
    private HotKeys hotKeys(RollupPartition partition, HotRows hotRows) {
        Optional<DateRange> hot = hotWindow.range().intersection(DateRange.of(partition));
        Map<RollupDay, List<RollupRow>> rows = new HashMap<>();
        hot.ifPresent(dates -> {
            for (RollupGrain grain : RollupGrain.values()) {
                rows.putAll(hotRows.read(grain, dates));
            }
        });
        List<RollupDay> outside = RollupDay.ofAllGrains(partition.store(), DateRange.of(partition)).stream()
                .filter(day -> !rows.containsKey(day))
                .toList();
        return new HotKeys(rows, outside);
    }

    private List<RollupDay> hotDays() {
        DateRange window = hotWindow.range();
        return tables.storesSince(window.from()).stream()
                .flatMap(store -> RollupDay.ofAllGrains(store, window).stream())
                .toList();
    }

    private static Map<RollupGrain, List<RollupDay>> byGrain(List<RollupDay> days) {
        return days.stream().collect(Collectors.groupingBy(RollupDay::grain,
                () -> new EnumMap<>(RollupGrain.class), Collectors.toList()));
    }

    private record HotKeys(Map<RollupDay, List<RollupRow>> rows, List<RollupDay> outside) {
    }

    /** Where a refresh takes a partition's hot rows from: every day of {@code dates} present, maybe empty. */
    @FunctionalInterface
    private interface HotRows {
        Map<RollupDay, List<RollupRow>> read(RollupGrain grain, DateRange dates);
    }
}
