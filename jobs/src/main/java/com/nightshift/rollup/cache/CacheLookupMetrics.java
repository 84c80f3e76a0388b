package com.nightshift.rollup.cache;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts, per store-day, where the read path found a rollup: counter {@value #NAME}, tagged
 * {@code layer=memory|redis|database} and {@code result=hit|miss}. The database answers every store-day it
 * is asked for, so it only counts hits. The health check of the cache's hit rate reads their {@link #totals()}.
 *
 * <p>Also gauge {@value #RATIO}, tagged {@code layer=memory|redis|cache}: the share of lookups each layer answered
 * since the process started ({@code cache}: memory and Redis together, the figure the health check judges), NaN
 * before the first lookup. For a recent window, Prometheus computes the same from the counters' rates.
 */
@Component
public class CacheLookupMetrics {

    static final String NAME = "nightshift.rollup.cache.lookups";
    static final String RATIO = "nightshift.rollup.cache.hit.ratio";

    enum Layer { MEMORY, REDIS, DATABASE }

    private final Map<Layer, Counter> hits = new EnumMap<>(Layer.class);
    private final Map<Layer, Counter> misses = new EnumMap<>(Layer.class);

    CacheLookupMetrics(MeterRegistry registry) {
        for (Layer layer : Layer.values()) {
            hits.put(layer, counter(registry, layer, "hit"));
            misses.put(layer, counter(registry, layer, "miss"));
        }
        ratio(registry, "memory", metrics -> metrics.hitRatio(Layer.MEMORY));
        ratio(registry, "redis", metrics -> metrics.hitRatio(Layer.REDIS));
        ratio(registry, "cache", metrics -> {
            Totals totals = metrics.totals();
            return totals.lookups() == 0 ? Double.NaN : (double) totals.fromCache() / totals.lookups();
        });
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

    private double hitRatio(Layer layer) {
        double hit = hits.get(layer).count();
        double lookups = hit + misses.get(layer).count();
        return lookups == 0 ? Double.NaN : hit / lookups;
    }

    private void ratio(MeterRegistry registry, String layer, ToDoubleFunction<CacheLookupMetrics> ratio) {
        Gauge.builder(RATIO, this, ratio)
                .description("Share of the rollup read path's store-day lookups answered by the layer, since start")
                .tag("layer", layer)
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, Layer layer, String result) {
        return Counter.builder(NAME)
                .description("Store-day lookups of the rollup read path, by cache layer and result")
                .tag("layer", layer.name().toLowerCase(Locale.ROOT))
                .tag("result", result)
                .register(registry);
    }
}
