package com.nightshift.health.sessions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a session of Nightshift's database is unusual enough to report. The nightly run comes after the rollup, so
 * a query still running there for ten minutes is no longer the rollup's normal work; an open transaction that
 * waits holds its locks and keeps vacuum from cleaning up, so a minute is already suspect (the old system's leak).
 *
 * @param longQueryWarn          an active query older than this is WARN
 * @param longQueryCrit          ... and CRIT from this age
 * @param idleInTransactionWarn  a session idle in an open transaction for longer than this is WARN
 * @param idleInTransactionCrit  ... and CRIT from this idle time
 * @param blockedWarn            a query waiting for another session's lock for longer than this is WARN
 * @param blockedCrit            ... and CRIT from this wait
 */
@ConfigurationProperties("nightshift.health.sessions")
public record SessionThresholds(@DefaultValue("10m") Duration longQueryWarn,
                                @DefaultValue("60m") Duration longQueryCrit,
                                @DefaultValue("1m") Duration idleInTransactionWarn,
                                @DefaultValue("10m") Duration idleInTransactionCrit,
                                @DefaultValue("30s") Duration blockedWarn,
                                @DefaultValue("5m") Duration blockedCrit) {
}
