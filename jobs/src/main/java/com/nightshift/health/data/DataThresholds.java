package com.nightshift.health.data;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the DATA checks, under {@code nightshift.health.data}. The shipped incremental schedule runs every
 * 15 minutes, so changes normally wait less than that: an hour means runs fail or do not run.
 *
 * @param incrementalLagWarn  store-days changed since their rollup while the last incremental run planned this long
 *                            ago are WARN (the change log has no times: that plan is the oldest a waiting change
 *                            can have been left behind by)
 * @param incrementalLagCrit  and CRIT from this long
 * @param driftSample         store-days recomputed from the order lines and compared with their rollups, at random,
 *                            per run: each reads its ~100 lines through the (store_name, order_date, channel) index, so 50
 *                            take milliseconds on 10 M lines
 * @param quarantineWarn      order lines quarantined since the previous health run, WARN from this many
 * @param quarantineCrit      and CRIT from this many: a feed that sends broken lines in bulk
 */
@ConfigurationProperties("nightshift.health.data")
public record DataThresholds(@DefaultValue("1h") Duration incrementalLagWarn,
                             @DefaultValue("6h") Duration incrementalLagCrit,
                             @DefaultValue("50") int driftSample,
                             @DefaultValue("1") int quarantineWarn,
                             @DefaultValue("1000") int quarantineCrit) {

    public DataThresholds {
        if (driftSample < 1) {
            throw new IllegalArgumentException("nightshift.health.data.drift-sample must be at least 1, was "
                    + driftSample);
        }
    }
}
