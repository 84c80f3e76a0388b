package com.nightshift.health.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the JOBS checks, under {@code nightshift.health.jobs}. "Since the previous health run" is the start
 * of the newest earlier {@code health} execution that has ended: a run overlaps the previous one rather than
 * missing what happened while it ran.
 *
 * @param firstRunWindow          how far back "since the previous health run" reaches when there is none
 * @param failedWarn              executions FAILED since the previous health run and not resumed to completion,
 *                                WARN from this many
 * @param failedCrit              and CRIT from this many
 * @param longRunningHistory      the last completed executions of a job whose median duration is its usual one
 * @param longRunningWarnFactor   a run longer than this many times its job's usual duration is WARN...
 * @param longRunningWarnFloor    ...and at least this long: a job that usually takes seconds may take a minute
 * @param longRunningCritFactor   a run longer than this many times its job's usual duration is CRIT...
 * @param longRunningCritFloor    ...and at least this long
 * @param undeliveredWarn         letters FAILED, UNCERTAIN or stuck in the delivery ledger, WARN from this many
 * @param undeliveredCrit         and CRIT from this many
 * @param undeliveredLookback     letters planned longer ago than this are no longer looked at: the ledger keeps them,
 *                                the nightly check stops repeating them
 * @param stuckAfter              a letter PENDING or RETRYING this long past its due time, or SENDING this long
 *                                after its claim, is stuck (no sender took it up; the rollup and report jobs send
 *                                their letters within minutes)
 */
@ConfigurationProperties("nightshift.health.jobs")
public record JobsThresholds(@DefaultValue("24h") Duration firstRunWindow,
                             @DefaultValue("1") int failedWarn,
                             @DefaultValue("3") int failedCrit,
                             @DefaultValue("20") int longRunningHistory,
                             @DefaultValue("3") double longRunningWarnFactor,
                             @DefaultValue("10m") Duration longRunningWarnFloor,
                             @DefaultValue("10") double longRunningCritFactor,
                             @DefaultValue("1h") Duration longRunningCritFloor,
                             @DefaultValue("1") int undeliveredWarn,
                             @DefaultValue("10") int undeliveredCrit,
                             @DefaultValue("7d") Duration undeliveredLookback,
                             @DefaultValue("1h") Duration stuckAfter) {
}
