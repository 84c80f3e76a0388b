package com.nightshift.rollup.cache;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nightshift.rollup.RollupRow;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * The in-process layer: recently read store-days, for {@code memoryTtl}. Bounded by rows rather than entries,
 * because a store-product day holds about a hundred rows and a store day one.
 *
 * <p>Like Redis, it counts each store's evictions, so that rows read before a refresh evicted the store cannot be
 * put back after it ({@link #putAllIfNotEvictedSince}).
 */
@Component
class RollupMemoryCache {

    private final Cache<RollupDay, List<RollupRow>> cache;
    private final Map<String, AtomicLong> evictions = new ConcurrentHashMap<>();

    RollupMemoryCache(RollupCacheProperties properties, MeterRegistry registry) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(properties.memoryMaxRows())
                .weigher((RollupDay day, List<RollupRow> rows) -> Math.max(1, rows.size()))
                .expireAfterWrite(properties.memoryTtl())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, cache, "nightshift.rollup.memory");
    }

    Map<RollupDay, List<RollupRow>> getAllPresent(Collection<RollupDay> days) {
        return cache.getAllPresent(days);
    }

    /** How many times {@code store} has been evicted: read it before reading the rows to put. */
    long evictionsOf(String store) {
        return counter(store).get();
    }

    /** Puts one store's {@code rows}, unless the store has been evicted since {@link #evictionsOf} said {@code seen}. */
    void putAllIfNotEvictedSince(String store, long seen, Map<RollupDay, List<RollupRow>> rows) {
        cache.putAll(rows);
        // Checked after the put, as evict counts before it invalidates: whichever comes second removes the rows.
        if (counter(store).get() != seen) {
            cache.invalidateAll(rows.keySet());
        }
    }

    void evict(Collection<RollupDay> days) {
        days.stream().map(RollupDay::store).distinct().forEach(store -> counter(store).incrementAndGet());
        cache.invalidateAll(days);
    }

    private AtomicLong counter(String store) {
        return evictions.computeIfAbsent(store, any -> new AtomicLong());
    }
}
