package com.nightshift.health.jobs;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * Job executions running far longer than their own job usually takes: the median duration of its last
 * {@code long-running-history} COMPLETED executions, times a factor, but never less than a floor (a job that takes
 * seconds may well take a minute). A job without history is judged by the floors alone. An execution whose process
 * died looks like one that never ends, so it shows here too until an instance resumes or marks it.
 */
@Component
class LongRunningJobsCheck extends GrantAwareCheck {

    static final String NAME = "jobs.long-running";

    private final JobsThresholds thresholds;

    LongRunningJobsCheck(HealthQueries queries, JobsThresholds thresholds) {
        super(NAME, CheckGroup.JOBS, queries);
        this.thresholds = thresholds;
    }

    @Override
    protected CheckResult judge(JdbcTemplate jdbc) {
        // the status index finds the running few; each one's job history is its last N completed executions
        List<Running> running = jdbc.query("""
                WITH running AS (
                    SELECT i.job_name, e.job_execution_id, e.start_time
                    FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                    WHERE e.status IN ('STARTING', 'STARTED', 'STOPPING') AND e.end_time IS NULL
                      AND e.start_time IS NOT NULL)
                SELECT r.job_name, r.job_execution_id, r.start_time, h.median_seconds, h.completed
                FROM running r
                CROSS JOIN LATERAL (
                    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median_seconds,
                           count(*) AS completed
                    FROM (SELECT extract(epoch FROM e.end_time - e.start_time)::float8 AS seconds
                          FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                          WHERE i.job_name = r.job_name AND e.status = 'COMPLETED' AND e.end_time IS NOT NULL
                          ORDER BY e.job_execution_id DESC LIMIT ?) last) h
                ORDER BY r.start_time""", (rs, row) -> new Running(rs.getString("job_name"),
                rs.getLong("job_execution_id"), rs.getObject("start_time", LocalDateTime.class),
                (Double) rs.getObject("median_seconds"), rs.getLong("completed")), thresholds.longRunningHistory());
        LocalDateTime now = LocalDateTime.now();
        HealthState state = HealthState.OK;
        List<String> late = new ArrayList<>();
        double longestRatio = 0;
        for (Running run : running) {
            Duration took = Duration.between(run.started(), now);
            Duration warn = limit(run, thresholds.longRunningWarnFactor(), thresholds.longRunningWarnFloor());
            Duration crit = limit(run, thresholds.longRunningCritFactor(), thresholds.longRunningCritFloor());
            HealthState judged = took.compareTo(crit) >= 0 ? HealthState.CRIT
                    : took.compareTo(warn) >= 0 ? HealthState.WARN : HealthState.OK;
            if (run.median() != null && run.median() > 0) {
                longestRatio = Math.max(longestRatio, took.toMillis() / 1000.0 / run.median());
            }
            if (judged != HealthState.OK) {
                state = state.worse(judged);
                late.add(String.format("%s execution %d running for %s since %s, %s (warn from %s, crit from %s)",
                        run.job(), run.id(), human(took), run.started().withNano(0), run.median() == null
                                ? "no completed run to compare with"
                                : "usually " + human(Duration.ofMillis((long) (run.median() * 1000))) + " (median of "
                                + run.completed() + ")", human(warn), human(crit)));
            }
        }
        List<Measurement> values = List.of(new Measurement("running", running.size(), null, null, "executions"),
                new Measurement("longest_against_usual", longestRatio, thresholds.longRunningWarnFactor(),
                        thresholds.longRunningCritFactor(), "x median"));
        if (state == HealthState.OK) {
            return new CheckResult(NAME, group(), state, running.size() + " job execution" + (running.size() == 1
                    ? "" : "s") + " running, none far longer than usual.", values);
        }
        return new CheckResult(NAME, group(), state, late.size() + " job execution" + (late.size() == 1 ? " runs"
                : "s run") + " far longer than usual: " + String.join("; ", late) + ". See what it is doing "
                + "(its steps' counts in 'nightshift executions', sessions.long-queries, sessions.blocked-queries); "
                + "if its process died, an instance's start resumes it; 'nightshift stop <id>' stops it.", values);
    }

    private static Duration limit(Running run, double factor, Duration floor) {
        if (run.median() == null) {
            return floor;
        }
        Duration usual = Duration.ofMillis((long) (run.median() * factor * 1000));
        return usual.compareTo(floor) > 0 ? usual : floor;
    }

    private static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        return seconds < 7200 ? seconds / 60 + " min" : String.format("%.1f h", seconds / 3600.0);
    }

    private record Running(String job, long id, LocalDateTime started, Double median, long completed) {
    }
}
