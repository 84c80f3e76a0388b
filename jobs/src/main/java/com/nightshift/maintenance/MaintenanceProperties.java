package com.nightshift.maintenance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the maintenance job does and how long it may wait. Vacuum thresholds follow the health job's dead-rows
 * check (20% and 10,000 rows, autovacuum's own scale factor), so a table the check flags is one the next
 * maintenance run vacuums.
 *
 * @param vacuumMinDeadRows         a table is vacuumed only with at least this many dead rows ...
 * @param vacuumMinDeadRatio        ... making at least this share (0-1) of its rows
 * @param lockTimeout               how long an action waits for a lock held elsewhere (a table in use, an old
 *                                  transaction a concurrent reindex must outwait) before it is skipped with a
 *                                  WARN: the chain's writes must never queue behind maintenance
 * @param statementTimeout          the longest one action may run before it is cancelled and skipped; a
 *                                  VACUUM of the 10 M-line orders table takes minutes, not an hour
 * @param batchMetadataRetention    how long Spring Batch's record of ended runs is kept
 * @param reportArchiveRetention    how long archived reports (rows and files) are kept: a year and a month,
 *                                  so last year's same month can still be compared
 * @param deliveryLedgerRetention   how long the record of sent (or given up) letters is kept
 * @param healthHistoryRetention    how long health results are kept (each check's latest always stays)
 */
@ConfigurationProperties("nightshift.maintenance")
public record MaintenanceProperties(
        @DefaultValue("10000") long vacuumMinDeadRows,
        @DefaultValue("0.2") double vacuumMinDeadRatio,
        @DefaultValue("5s") Duration lockTimeout,
        @DefaultValue("1h") Duration statementTimeout,
        @DefaultValue("90d") Duration batchMetadataRetention,
        @DefaultValue("400d") Duration reportArchiveRetention,
        @DefaultValue("400d") Duration deliveryLedgerRetention,
        @DefaultValue("90d") Duration healthHistoryRetention) {

    public MaintenanceProperties {
        if (vacuumMinDeadRatio < 0 || vacuumMinDeadRatio > 1) {
            throw new IllegalArgumentException("nightshift.maintenance.vacuum-min-dead-ratio must be between 0 and 1,"
                    + " was " + vacuumMinDeadRatio);
        }
        for (Duration duration : new Duration[] {lockTimeout, statementTimeout, batchMetadataRetention,
                reportArchiveRetention, deliveryLedgerRetention, healthHistoryRetention}) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("nightshift.maintenance: durations must be positive, was "
                        + duration);
            }
        }
    }
}
