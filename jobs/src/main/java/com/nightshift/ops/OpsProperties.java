package com.nightshift.ops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How jobs are run.
 *
 * @param backgroundJobs   how many runs started through the API go at once in one process; more are refused
 * @param lockCheckEvery   how often a process checks that it still holds the lock of each run it runs (and so
 *                         keeps that lock's connection from idling out behind a firewall)
 * @param stopTimeout      how long a process asked to stop (SIGTERM, Ctrl-C) waits for its runs to reach a
 *                         chunk boundary before closing under them; give the orchestrator's grace period more.
 *                         A rollup chunk (8 partitions of a full run) takes seconds, at most about a minute
 * @param lockTimeout      how long any statement of the engine waits for a lock held elsewhere (a
 *                         migration, an operator's {@code LOCK TABLE}, an overlapping run) before it fails
 *                         the run, which can then be resumed; every chunk waits for locks of seconds at most
 * @param statementTimeout how long one statement of a job's transaction may run; the longest here is a
 *                         partition's read, under a minute for 10 M lines, so this only ends a statement gone
 *                         wrong
 * @param recoverDeadRuns  whether this process looks for runs left running by a process that died, and for runs
 *                         that another instance's shutdown stopped, and resumes them; and whether its own runs
 *                         stopped by its shutdown are left for another instance to resume. On in the serving modes
 *                         ({@code serve}, {@code demo}), off in one-shot commands (a {@code run} stopped by
 *                         Ctrl-C stays stopped) and in tests that do not ask for it
 * @param recoverEvery     how often it looks: a dead process's run is resumed within about this long of its
 *                         death (PostgreSQL frees its run locks the moment its connections end), plus the
 *                         resumed run's start. One cheap query over the most recent executions each time
 */
@ConfigurationProperties("nightshift.ops")
public record OpsProperties(
        @DefaultValue("4") int backgroundJobs,
        @DefaultValue("30s") Duration lockCheckEvery,
        @DefaultValue("2m") Duration stopTimeout,
        @DefaultValue("60s") Duration lockTimeout,
        @DefaultValue("15m") Duration statementTimeout,
        @DefaultValue("false") boolean recoverDeadRuns,
        @DefaultValue("5s") Duration recoverEvery) {

    /** The setting that the serving modes switch on: {@code cli.EngineMode}. */
    public static final String RECOVER_DEAD_RUNS = "nightshift.ops.recover-dead-runs";

    public OpsProperties {
        if (backgroundJobs < 1) {
            throw new IllegalArgumentException("nightshift.ops.background-jobs must be at least 1, was "
                    + backgroundJobs);
        }
        requirePositive("lock-check-every", lockCheckEvery);
        requirePositive("stop-timeout", stopTimeout);
        requirePositive("lock-timeout", lockTimeout);
        requirePositive("statement-timeout", statementTimeout);
        requirePositive("recover-every", recoverEvery);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("nightshift.ops." + name + " must be positive, was " + value);
        }
    }
}
