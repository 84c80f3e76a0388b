package com.nightshift.health.jobs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where "since the previous health run" begins: the start of the newest {@code health} execution that has ended
 * (the run asking has not, so it never finds itself), or {@code nightshift.health.jobs.first-run-window} ago when
 * there is none. The start rather than the end: what happened while the previous run was running is counted by both
 * runs rather than by neither.
 */
@Component
public class PreviousHealthRun {

    static final String HEALTH_JOB = "health";

    private final JobsThresholds thresholds;

    PreviousHealthRun(JobsThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The start of the window, read through {@code jdbc} (a check's own read-only transaction). */
    public Since since(JdbcTemplate jdbc) {
        LocalDateTime started = jdbc.queryForObject("""
                SELECT max(e.start_time) FROM batch_job_execution e
                JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                WHERE i.job_name = ? AND e.end_time IS NOT NULL""", LocalDateTime.class, HEALTH_JOB);
        if (started == null) {
            return new Since(Instant.now().minus(thresholds.firstRunWindow()), false);
        }
        // Spring Batch writes its times as the JVM's local time (see ops.JobExecutionView)
        return new Since(started.atZone(ZoneId.systemDefault()).toInstant(), true);
    }

    /**
     * @param from              the window's start
     * @param afterAHealthRun   whether it is a health run's start, or the first-run window's
     */
    public record Since(Instant from, boolean afterAHealthRun) {

        /** As Spring Batch's tables hold times. */
        public LocalDateTime local() {
            return LocalDateTime.ofInstant(from, ZoneId.systemDefault());
        }

        /** For a message: "since the previous health run (2026-12-07T02:00:00Z)". */
        public String describe() {
            return afterAHealthRun ? "since the previous health run (" + from + ")"
                    : "since " + from + " (no health run before: nightshift.health.jobs.first-run-window)";
        }
    }
}
