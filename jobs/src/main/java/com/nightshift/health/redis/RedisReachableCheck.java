package com.nightshift.health.redis;

import java.util.List;
import java.util.Locale;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * Redis answers, and how fast. Without it the rollup cache is bypassed: reads still work, from the tables, but
 * slower and with the database carrying the stores' load, so an outage is CRIT.
 */
@Component
class RedisReachableCheck implements HealthCheck {

    static final String NAME = "redis.reachable";

    private final RedisConnectionFactory redis;
    private final RedisThresholds thresholds;

    RedisReachableCheck(RedisConnectionFactory redis, RedisThresholds thresholds) {
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
        double millis;
        try (RedisConnection connection = redis.getConnection()) {
            // the first PING may pay for connecting; the second is the round trip a cache read pays
            connection.ping();
            long start = System.nanoTime();
            connection.ping();
            millis = (System.nanoTime() - start) / 1_000_000.0;
        } catch (RuntimeException e) {
            return new CheckResult(NAME, CheckGroup.REDIS, HealthState.CRIT, RedisInfo.where(redis)
                    + " does not answer (" + e.getMessage() + "): the rollup cache is bypassed and reads go to the"
                    + " tables; start Redis or correct spring.data.redis.host/port",
                    List.of(new Measurement("reachable", 0, null, null, "boolean")));
        }
        double warn = thresholds.latencyWarn().toNanos() / 1_000_000.0;
        double crit = thresholds.latencyCrit().toNanos() / 1_000_000.0;
        HealthState state = millis >= crit ? HealthState.CRIT : millis >= warn ? HealthState.WARN : HealthState.OK;
        String latency = String.format(Locale.ROOT, "%.1f ms (warn at %.0f ms, critical at %.0f ms)", millis, warn,
                crit);
        String message = state == HealthState.OK ? RedisInfo.where(redis) + " answers in " + latency
                : RedisInfo.where(redis) + " answers slowly, in " + latency + ": every cache read waits that long;"
                        + " look at Redis's load (INFO, SLOWLOG GET) and the network between Nightshift and Redis";
        return new CheckResult(NAME, CheckGroup.REDIS, state, message,
                List.of(new Measurement("reachable", 1, null, null, "boolean"),
                        new Measurement("latency", millis, warn, crit, "ms")));
    }
}
