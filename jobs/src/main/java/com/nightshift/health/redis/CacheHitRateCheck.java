package com.nightshift.health.redis;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.nightshift.rollup.cache.CacheLookupMetrics;
import com.nightshift.rollup.cache.CacheLookupMetrics.Totals;

/**
 * The layered rollup cache's hit rate (memory or Redis answered the store-day) against the old system's target of
 * 85%. It is judged over the lookups since this check's previous run in this process, so that a bad day is not
 * averaged away by months of good ones; a process that has served few lookups is not judged at all.
 */
@Component
class CacheHitRateCheck implements HealthCheck {

    static final String NAME = "redis.cache-hit-rate";

    private final CacheLookupMetrics metrics;
    private final RedisThresholds thresholds;
    /** The counters at the previous run; the counters start at zero with the process. */
    private final AtomicReference<Totals> previous = new AtomicReference<>(new Totals(0, 0));

    CacheHitRateCheck(CacheLookupMetrics metrics, RedisThresholds thresholds) {
        this.metrics = metrics;
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
        Totals now = metrics.totals();
        boolean first = previous.get().lookups() == 0;
        Totals counted = now.since(previous.getAndSet(now));
        String since = first ? " since Nightshift started" : " since the previous check";
        if (counted.lookups() < thresholds.hitRateMinLookups()) {
            return new CheckResult(NAME, CheckGroup.REDIS, HealthState.OK, counted.lookups() + " store-day lookups"
                    + since + ", too few to judge the cache's hit rate (judged from "
                    + thresholds.hitRateMinLookups() + ")",
                    List.of(new Measurement("lookups", counted.lookups(), null, null, "lookups")));
        }
        double rate = (double) counted.fromCache() / counted.lookups();
        HealthState state = rate < thresholds.hitRateCrit() ? HealthState.CRIT
                : rate < thresholds.hitRateWarn() ? HealthState.WARN : HealthState.OK;
        String figures = String.format(Locale.ROOT, "the rollup cache answered %.1f%% of %d store-day lookups%s"
                        + " (warn below %.0f%%, critical below %.0f%%)", rate * 100, counted.lookups(), since,
                thresholds.hitRateWarn() * 100, thresholds.hitRateCrit() * 100);
        String advice = state == HealthState.OK ? "" : ": the others were read from the tables; check that Redis"
                + " is up and not evicting (redis.reachable, redis.evicted-keys), that the cache is warmed after the"
                + " rollup, and whether reads go beyond nightshift.rollup.cache.hot-window-days";
        return new CheckResult(NAME, CheckGroup.REDIS, state, figures + advice,
                List.of(new Measurement("hit_rate", rate * 100, thresholds.hitRateWarn() * 100,
                                thresholds.hitRateCrit() * 100, "%"),
                        new Measurement("lookups", counted.lookups(), null, null, "lookups")));
    }
}
