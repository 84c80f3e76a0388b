package com.nightshift.rollup.cache;

import io.micrometer.core.instrument.MeterRegistry;

/** The read path's lookup counters at one moment, to assert how much each layer's counters moved. */
record LookupCounts(double memoryHits, double memoryMisses, double redisHits, double redisMisses,
        double databaseHits) {

    static LookupCounts of(MeterRegistry registry) {
        return new LookupCounts(count(registry, "memory", "hit"), count(registry, "memory", "miss"),
                count(registry, "redis", "hit"), count(registry, "redis", "miss"),
                count(registry, "database", "hit"));
    }

    /** The lookups counted since {@code before}. */
    LookupCounts since(LookupCounts before) {
        return new LookupCounts(memoryHits - before.memoryHits, memoryMisses - before.memoryMisses,
                redisHits - before.redisHits, redisMisses - before.redisMisses, databaseHits - before.databaseHits);
    }

    private static double count(MeterRegistry registry, String layer, String result) {
        return registry.get(CacheLookupMetrics.NAME).tag("layer", layer).tag("result", result).counter().count();
    }
}
