package com.nightshift.rollup.cache;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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

import com.nightshift.rollup.CommittedRows;
import com.nightshift.rollup.RollupGrain;
import com.nightshift.rollup.RollupPartition;
import com.nightshift.rollup.RollupRow;
import com.nightshift.rollup.cache.RollupRedis.Generations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps Redis in step with the rollup tables, for the rollup job to call: in each transaction that commits rollup
 * rows ({@link #noteRefresh}), after it has committed ({@link #refreshPartitions}) and after each run
 * ({@link #warmUp()}). The note commits with the rows and is removed only once Redis holds them, so a refresh
 * that does not happen (Redis down, the process killed) is redone by the next warm-up, in whichever process runs
 * it. Neither method throws when Redis is down.
 */
@Service
public class RollupCache {

    private static final Logger log = LoggerFactory.getLogger(RollupCache.class);

    /** Store-days per query when warming up: few queries, while a batch of product days stays a few MB. */
    private static final int LOAD_BATCH = 500;

    private static final String SUPERSEDED = "a later commit of the store was refreshed first; its note is left for"
            + " the warm-up, which reads the tables";

    /** A redo from the tables is tried again when another refresh of its store came in between; rarely twice. */
    private static final int REDO_ATTEMPTS = 3;

    private final RollupTables tables;
    private final RollupRedis redis;
    private final RollupMemoryCache memory;
    private final HotWindow hotWindow;
    private final RollupCacheProperties properties;
    private final CacheOutbox outbox;

    RollupCache(RollupTables tables, RollupRedis redis, RollupMemoryCache memory, HotWindow hotWindow,
            CacheOutbox outbox, RollupCacheProperties properties, MeterRegistry registry) {
        this.tables = tables;
        this.redis = redis;
        this.memory = memory;
        this.hotWindow = hotWindow;
        this.outbox = outbox;
        this.properties = properties;
        Gauge.builder("nightshift.rollup.cache.repairs.pending", outbox, CacheOutbox::count)
                .description("Rollup partitions whose Redis keys wait for a refresh: committed and not yet"
                        + " refreshed, or whose refresh failed")
                .register(registry);
    }

    /**
     * Notes, in the caller's transaction and in one statement, that the keys of {@code partitions} must be
     * replaced: call it in the transaction that commits their rows, last, then {@link #refreshPartitions} once it
     * has committed. Until the transaction ends, another transaction noting one of their stores waits for it.
     */
    public PendingRefresh noteRefresh(List<RollupPartition> partitions) {
        return new PendingRefresh(outbox.note(partitions));
    }

    /**
     * Replaces the keys of committed partitions, for all three grains, in one atomic Redis step, from the rows
     * they have just committed rather than from the tables (reading each partition back cost as much as computing
     * it): the dates inside the hot window are written, the others deleted so that no stale value survives.
     * Then removes their notes. A store whose keys a later commit's refresh has already replaced (two runs
     * committing it, their refreshes arriving in the wrong order) is left alone, its note kept for the warm-up.
     * Also evicts the partitions from this process's memory; other instances' memory expires within
     * {@code memoryTtl}.
     *
     * @param pending   what {@link #noteRefresh} returned in the transaction that committed {@code committed}
     * @param committed every partition noted, with its rows as committed
     * @return one refresh per partition, failed if Redis is unavailable or a later commit came first; their notes
     *         then wait for the next {@link #warmUp()}
     */
    public List<CacheRefresh> refreshPartitions(PendingRefresh pending,
            Map<RollupPartition, ? extends CommittedRows> committed) {
        Map<RollupPartition, HotRows> sources = new LinkedHashMap<>();
        committed.forEach((partition, rows) -> sources.put(partition, (grain, dates) -> RollupTables.byDay(grain,
                RollupDay.of(grain, partition.store(), dates), rows.between(grain, dates.from(), dates.to()))));
        Map<String, Long> versions = new HashMap<>();
        sources.keySet().forEach(partition -> versions.merge(partition.store(), pending.noteOf(partition), Math::max));
        try {
            HotKeys keys = hotKeys(sources);
            Set<String> replaced = redis.replaceCommitted(keys.rows(), keys.outside(), properties.hotTtl(), versions);
            outbox.remove(sources.keySet().stream().filter(partition -> replaced.contains(partition.store()))
                    .map(pending::noteOf).toList());
            return keys.refreshes().stream().map(refresh -> replaced.contains(refresh.partition().store()) ? refresh
                    : CacheRefresh.failed(refresh.partition(), SUPERSEDED)).toList();
        } catch (RuntimeException e) {
            return failed(sources.keySet(), e);
        } finally {
            evict(sources.keySet());
        }
    }

    /**
     * Replaces a committed partition's keys from the tables, like {@link #refreshPartitions}.
     *
     * @return a failed refresh if Redis is unavailable; the partition is then in {@link #pendingRepairs()}
     * @throws IllegalArgumentException if {@code from} is after {@code to}
     */
    CacheRefresh refreshPartition(String store, LocalDate from, LocalDate to) {
        RollupPartition partition = new RollupPartition(store, from, to);
        CacheRefresh refresh = redo(partition);
        if (!refresh.succeeded()) {
            outbox.noteNow(List.of(partition));
        }
        return refresh;
    }

    /**
     * Redoes the partitions left in the outbox, then writes every hot-window key missing from Redis, for all
     * three grains of every store with rollup rows in the window. Checking costs one EXISTS per thousand keys
     * and reads no values, so a warm-up with nothing missing is cheap.
     */
    public WarmUpResult warmUp() {
        Map<RollupPartition, List<Long>> pending = outbox.pending().stream().collect(Collectors.groupingBy(
                CacheOutbox.Note::partition, LinkedHashMap::new,
                Collectors.mapping(CacheOutbox.Note::id, Collectors.toList())));
        int repaired = 0;
        for (Map.Entry<RollupPartition, List<Long>> notes : pending.entrySet()) {
            CacheRefresh redo = redo(notes.getKey());
            if (!redo.succeeded()) {
                return new WarmUpResult(0, 0, repaired, pending.size() - repaired, redo.failure());
            }
            outbox.remove(notes.getValue());
            repaired++;
        }
        DateRange window = hotWindow.range();
        List<String> stores = tables.storesSince(window.from());
        List<RollupDay> hotDays = stores.stream().flatMap(store -> RollupDay.ofAllGrains(store, window).stream())
                .toList();
        int checked = 0;
        int written = 0;
        try {
            List<RollupDay> missing = redis.missing(hotDays);
            checked = hotDays.size();
            if (missing.isEmpty()) {
                return new WarmUpResult(checked, 0, repaired, 0, Optional.empty());
            }
            // Before the tables are read: a partition refreshed meanwhile must not get older rows back.
            Generations seen = redis.generations(missing.stream().map(RollupDay::store).toList());
            for (Map.Entry<RollupGrain, List<RollupDay>> grain : byGrain(missing).entrySet()) {
                for (List<RollupDay> batch : Batches.of(grain.getValue(), LOAD_BATCH)) {
                    written += redis.addMissing(tables.read(grain.getKey(), batch), properties.hotTtl(), seen);
                }
            }
        } catch (RedisUnavailableException e) {
            return new WarmUpResult(checked, written, repaired, 0, Optional.of(e.getMessage()));
        }
        return new WarmUpResult(checked, written, repaired, 0, Optional.empty());
    }

    /** Partitions whose keys wait for a refresh, which the next warm-up redoes. */
    Set<RollupPartition> pendingRepairs() {
        return outbox.pending().stream().map(CacheOutbox.Note::partition).collect(Collectors.toSet());
    }

    /**
     * Replaces a partition's keys from the tables, if no other refresh of its store comes between reading them
     * and writing Redis (which could then hold rows newer than these); tried again if one does.
     */
    private CacheRefresh redo(RollupPartition partition) {
        try {
            for (int attempt = 0; attempt < REDO_ATTEMPTS; attempt++) {
                Generations seen = redis.generations(List.of(partition.store()));
                HotKeys keys = hotKeys(Map.of(partition, fromTables(partition.store())));
                if (redis.replaceIfUnchanged(keys.rows(), keys.outside(), properties.hotTtl(), seen)) {
                    return keys.refreshes().get(0);
                }
            }
            return CacheRefresh.failed(partition, "the store's keys kept being refreshed by others meanwhile");
        } catch (RuntimeException e) {
            return failed(List.of(partition), e).get(0);
        } finally {
            evict(List.of(partition));
        }
    }

    /** Redis down, or anything else: the warm-up redoes the partitions from the tables either way. */
    private static List<CacheRefresh> failed(Collection<RollupPartition> partitions, RuntimeException e) {
        if (e instanceof RedisUnavailableException) {
            log.warn("Rollup cache of {} not refreshed, left for the next warm-up: {}", partitions, e.getMessage());
        } else {
            log.error("Rollup cache of {} not refreshed, left for the next warm-up", partitions, e);
        }
        return partitions.stream().map(partition -> CacheRefresh.failed(partition, String.valueOf(e.getMessage())))
                .toList();
    }

    /** After the Redis write, so that a concurrent read cannot refill memory from the old Redis value. */
    private void evict(Collection<RollupPartition> partitions) {
        partitions.forEach(partition ->
                memory.evict(RollupDay.ofAllGrains(partition.store(), DateRange.of(partition))));
    }

    private HotRows fromTables(String store) {
        return (grain, dates) -> tables.read(grain, store, dates);
    }

    /** The partitions' keys: those of their hot-window days to write, and those of their other days to delete. */
    private HotKeys hotKeys(Map<RollupPartition, HotRows> sources) {
        Map<RollupDay, List<RollupRow>> rows = new HashMap<>();
        List<RollupDay> outside = new ArrayList<>();
        List<CacheRefresh> refreshes = new ArrayList<>();
        sources.forEach((partition, hotRows) -> {
            Optional<DateRange> hot = hotWindow.range().intersection(DateRange.of(partition));
            Map<RollupDay, List<RollupRow>> partitionRows = new HashMap<>();
            hot.ifPresent(dates -> {
                for (RollupGrain grain : RollupGrain.values()) {
                    partitionRows.putAll(hotRows.read(grain, dates));
                }
            });
            List<RollupDay> partitionOutside = RollupDay.ofAllGrains(partition.store(), DateRange.of(partition))
                    .stream().filter(day -> !partitionRows.containsKey(day)).toList();
            rows.putAll(partitionRows);
            outside.addAll(partitionOutside);
            refreshes.add(CacheRefresh.succeeded(partition, partitionRows.size(), partitionOutside.size()));
        });
        return new HotKeys(rows, outside, refreshes);
    }

    private static Map<RollupGrain, List<RollupDay>> byGrain(List<RollupDay> days) {
        return days.stream().collect(Collectors.groupingBy(RollupDay::grain,
                () -> new EnumMap<>(RollupGrain.class), Collectors.toList()));
    }

    private record HotKeys(Map<RollupDay, List<RollupRow>> rows, List<RollupDay> outside,
            List<CacheRefresh> refreshes) {
    }

    /** Where a refresh takes a partition's hot rows from: every day of {@code dates} present, maybe empty. */
    @FunctionalInterface
    private interface HotRows {
        Map<RollupDay, List<RollupRow>> read(RollupGrain grain, DateRange dates);
    }
}
