package com.nightshift.rollup.cache;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * The in-process layer: recently read store-days, for {@code memoryTtl}. Bounded by rows rather than entries,
 * because a store-product day holds about a hundred rows and a store day one.
 */
@Component
class RollupMemoryCache {

    private final Cache<RollupDay, List<RollupRow>> cache;

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

    void putAll(Map<RollupDay, List<RollupRow>> rows) {
        cache.putAll(rows);
    }

    void evict(Collection<RollupDay> days) {
        cache.invalidateAll(days);
    }
}
