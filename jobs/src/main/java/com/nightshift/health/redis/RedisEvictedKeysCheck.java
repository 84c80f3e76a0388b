package com.nightshift.health.redis;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * Keys Redis evicted for lack of memory since it started: each is a cached store-day the next read fetches from
 * the tables again. A few are harmless; many say the cache is too small for the hot window.
 */
@Component
class RedisEvictedKeysCheck implements HealthCheck {

    static final String NAME = "redis.evicted-keys";

    private final RedisConnectionFactory redis;
    private final RedisThresholds thresholds;

    RedisEvictedKeysCheck(RedisConnectionFactory redis, RedisThresholds thresholds) {
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
        long evicted;
        long uptimeSeconds;
        try {
            Properties stats = RedisInfo.section(redis, "stats");
            evicted = RedisInfo.number(stats, "evicted_keys");
            uptimeSeconds = RedisInfo.number(RedisInfo.section(redis, "server"), "uptime_in_seconds");
        } catch (RuntimeException e) {
            return RedisInfo.cannotCheck(NAME, redis, e);
        }
        Duration uptime = Duration.ofSeconds(uptimeSeconds);
        String since = " since Redis started " + uptime.toHours() + " h " + uptime.toMinutesPart() + " min ago";
        List<Measurement> values = List.of(new Measurement("evicted_keys", evicted,
                (double) thresholds.evictedKeysWarn(), null, "keys"));
        if (evicted < thresholds.evictedKeysWarn()) {
            return new CheckResult(NAME, CheckGroup.REDIS, HealthState.OK, evicted + " keys evicted" + since
                    + " (warn at " + thresholds.evictedKeysWarn() + ")", values);
        }
        return new CheckResult(NAME, CheckGroup.REDIS, HealthState.WARN, evicted + " keys evicted" + since
                + " (warn at " + thresholds.evictedKeysWarn() + "): Redis is too small for the cached store-days,"
                + " which are then read from the tables again; raise maxmemory or shorten"
                + " nightshift.rollup.cache.hot-window-days", values);
    }
}
