package com.nightshift.health.redis;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the Redis checks report. Redis on the same network answers a PING in well under a millisecond; the read
 * path's own timeout is far above 20 ms, so a latency of that order is already a sick server or network. The cache
 * keys carry a TTL, so either LRU policy frees room for new ones; {@code noeviction} would make writes fail when
 * full. The hit-rate target is the old system's 85%.
 *
 * @param latencyWarn        a PING slower than this is WARN
 * @param latencyCrit        ... and CRIT from this
 * @param memoryWarn         used memory at or above this share (0-1) of {@code maxmemory} is WARN
 * @param memoryCrit         ... and CRIT from this share
 * @param evictionPolicies   the accepted {@code maxmemory-policy} values
 * @param evictedKeysWarn    WARN from this many keys evicted since Redis started: the cache is too small
 * @param hitRateWarn        WARN when the rollup cache answered less than this share (0-1) of the lookups
 * @param hitRateCrit        CRIT below this share
 * @param hitRateMinLookups  fewer lookups than this since the previous run are too few to judge
 */
@ConfigurationProperties("nightshift.health.redis")
public record RedisThresholds(@DefaultValue("20ms") Duration latencyWarn,
                              @DefaultValue("200ms") Duration latencyCrit,
                              @DefaultValue("0.8") double memoryWarn,
                              @DefaultValue("0.95") double memoryCrit,
                              @DefaultValue({"allkeys-lru", "volatile-lru"}) List<String> evictionPolicies,
                              @DefaultValue("1000") long evictedKeysWarn,
                              @DefaultValue("0.85") double hitRateWarn,
                              @DefaultValue("0.5") double hitRateCrit,
                              @DefaultValue("100") long hitRateMinLookups) {
}
