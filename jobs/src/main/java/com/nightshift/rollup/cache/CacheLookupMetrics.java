package com.nightshift.rollup.cache;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts, per store-day, where the read path found a rollup: counter {@value #NAME}, tagged
 * {@code layer=memory|redis|database} and {@code result=hit|miss}. The database answers every store-day it
 * is asked for, so it only counts hits. The health check of the cache's hit rate reads their {@link #totals()}.
 */
@Component
public class CacheLookupMetrics {

    static final String NAME = "nightshift.rollup.cache.lookups";

    enum Layer { MEMORY, REDIS, DATABASE }

    private final Map<Layer, Counter> hits = new EnumMap<>(Layer.class);
    private final Map<Layer, Counter> misses = new EnumMap<>(Layer.class);

    CacheLookupMetrics(MeterRegistry registry) {
        for (Layer layer : Layer.values()) {
            hits.put(layer, counter(registry, layer, "hit"));
            misses.put(layer, counter(registry, layer, "miss"));
        }
    }

    void record(Layer layer, int hitCount, int missCount) {
        hits.get(layer).increment(hitCount);
        misses.get(layer).increment(missCount);
    }

    /** Store-days looked up, and those the cache (memory or Redis) answered, since the process started. */
    public Totals totals() {
        double lookups = hits.get(Layer.MEMORY).count() + misses.get(Layer.MEMORY).count();
        double fromCache = hits.get(Layer.MEMORY).count() + hits.get(Layer.REDIS).count();
        return new Totals((long) lookups, (long) fromCache);
    }

    /**
     * Counts of the layered cache as a whole: every lookup starts in memory, and what memory misses is tried in
     * Redis, so the cache answered the memory hits and the Redis hits.
     */
    public record Totals(long lookups, long fromCache) {

        /** The lookups counted since {@code earlier}. */
        public Totals since(Totals earlier) {
            return new Totals(lookups - earlier.lookups, fromCache - earlier.fromCache);
        }
    }

    private static Counter counter(MeterRegistry registry, Layer layer, String result) {
        return Counter.builder(NAME)
                .description("Store-day lookups of the rollup read path, by cache layer and result")
                .tag("layer", layer.name().toLowerCase(Locale.ROOT))
                .tag("result", result)
                .register(registry);
    }
}
