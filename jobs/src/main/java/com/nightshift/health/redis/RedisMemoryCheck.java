package com.nightshift.health.redis;

import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * Redis's used memory against its {@code maxmemory}. Near the limit Redis evicts (or, without an LRU policy,
 * refuses writes); without a limit at all it grows until the machine swaps or kills it.
 */
@Component
class RedisMemoryCheck implements HealthCheck {

    static final String NAME = "redis.memory";
    private static final double MB = 1024.0 * 1024.0;

    private final RedisConnectionFactory redis;
    private final RedisThresholds thresholds;

    RedisMemoryCheck(RedisConnectionFactory redis, RedisThresholds thresholds) {
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
        long used;
        long max;
        try {
            Properties memory = RedisInfo.section(redis, "memory");
            used = RedisInfo.number(memory, "used_memory");
            max = RedisInfo.number(memory, "maxmemory");
        } catch (RuntimeException e) {
            return RedisInfo.cannotCheck(NAME, redis, e);
        }
        String usedMb = String.format(Locale.ROOT, "%.1f MB", used / MB);
        if (max == 0) {
            return new CheckResult(NAME, CheckGroup.REDIS, HealthState.WARN, "Redis uses " + usedMb + " and has no"
                    + " maxmemory: it will grow until the machine runs out of memory; set maxmemory (and"
                    + " maxmemory-policy allkeys-lru) in redis.conf",
                    List.of(new Measurement("used_memory", used / MB, null, null, "MB")));
        }
        double share = (double) used / max;
        HealthState state = share >= thresholds.memoryCrit() ? HealthState.CRIT
                : share >= thresholds.memoryWarn() ? HealthState.WARN : HealthState.OK;
        String figures = String.format(Locale.ROOT, "Redis uses %s of its maxmemory %.1f MB (%.0f%%; warn at %.0f%%,"
                        + " critical at %.0f%%)", usedMb, max / MB, share * 100, thresholds.memoryWarn() * 100,
                thresholds.memoryCrit() * 100);
        String advice = state == HealthState.OK ? "" : ": near the limit Redis evicts cached rollups (or refuses"
                + " writes without an LRU policy); raise maxmemory or give Redis a machine with more memory";
        return new CheckResult(NAME, CheckGroup.REDIS, state, figures + advice,
                List.of(new Measurement("used_memory_share", share * 100, thresholds.memoryWarn() * 100,
                        thresholds.memoryCrit() * 100, "%"),
                        new Measurement("used_memory", used / MB, null, null, "MB"),
                        new Measurement("maxmemory", max / MB, null, null, "MB")));
    }
}
