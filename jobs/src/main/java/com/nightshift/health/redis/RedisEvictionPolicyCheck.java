package com.nightshift.health.redis;

import java.util.List;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthState;

/**
 * Redis's {@code maxmemory-policy} is an LRU one. Redis holds only the rollup cache, so when full it should drop
 * the least recently read store-days; {@code noeviction} (Redis's default) would make the cache's writes fail.
 */
@Component
class RedisEvictionPolicyCheck implements HealthCheck {

    static final String NAME = "redis.eviction-policy";

    private final RedisConnectionFactory redis;
    private final RedisThresholds thresholds;

    RedisEvictionPolicyCheck(RedisConnectionFactory redis, RedisThresholds thresholds) {
        this.redis = redis;
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckGroup group() {
        return CheckGroup.REDIS;
    }

    @Override
    public CheckResult run() {
        String policy;
        try {
            policy = RedisInfo.section(redis, "memory").getProperty("maxmemory_policy", "").trim();
        } catch (RuntimeException e) {
            return RedisInfo.cannotCheck(NAME, redis, e);
        }
        String expected = String.join(" or ", thresholds.evictionPolicies());
        if (thresholds.evictionPolicies().contains(policy)) {
            return new CheckResult(NAME, CheckGroup.REDIS, HealthState.OK,
                    "Redis evicts with policy " + policy + " (expected " + expected + ")", List.of());
        }
        return new CheckResult(NAME, CheckGroup.REDIS, HealthState.WARN, "Redis's maxmemory-policy is " + policy
                + ", expected " + expected + ": when full it would " + (policy.equals("noeviction")
                ? "refuse the cache's writes" : "drop keys by another rule than how recently they were read")
                + "; set maxmemory-policy " + thresholds.evictionPolicies().get(0) + " in redis.conf", List.of());
    }
}
