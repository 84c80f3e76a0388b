package com.nightshift.rollup.cache;

import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import com.nightshift.rollup.RollupGrain;

/**
 * One store-day in the cache's layers, for the tests of packages that cannot see the layers (the read API's):
 * whether Redis holds it, and forgetting it in process memory.
 */
public final class CachedStoreDay {

    private final RollupDay day;
    private final RollupMemoryCache memory;
    private final RedisProbe redis;

    private CachedStoreDay(RollupDay day, RollupMemoryCache memory, RedisProbe redis) {
        this.day = day;
        this.memory = memory;
        this.redis = redis;
    }

    public static CachedStoreDay of(ApplicationContext context, RollupGrain grain, String store, LocalDate date) {
        return new CachedStoreDay(new RollupDay(grain, store, date), context.getBean(RollupMemoryCache.class),
                new RedisProbe(context.getBean(RedisConnectionFactory.class), context.getBean(RollupKeys.class),
                        context.getBean(RollupCodec.class)));
    }

    public boolean isInRedis() {
        return redis.exists(day);
    }

    /** As its entry's expiry would: the next read looks further down. */
    public void evictFromMemory() {
        memory.evict(List.of(day));
    }
}
