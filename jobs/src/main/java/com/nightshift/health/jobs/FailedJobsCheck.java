package com.nightshift.health.jobs;

import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * Job executions that ended FAILED since the previous health run (a run whose process died counts once it is
 * marked FAILED), each named by job, execution id and the first line of its exit message. One that a later
 * execution of the same run has since completed is named but not counted: there is nothing left to do.
 */
@Component
class FailedJobsCheck extends GrantAwareCheck {

    static final String NAME = "jobs.failed";
    /**
     * Enough of an exit message's first line to recognise it: a job's summary comes first and its cause last
     * ("... Cause: PSQLException: ..."), so a long line keeps both ends.
     */
    private static final int MESSAGE_END = 150;

    private final JobsThresholds thresholds;
    private final PreviousHealthRun previous;

    FailedJobsCheck(HealthQueries queries, JobsThresholds thresholds, PreviousHealthRun previous) {
        super(NAME, CheckGroup.JOBS, queries);
        this.thresholds = thresholds;
        this.previous = previous;
    }

    @Override
    protected CheckResult judge(JdbcTemplate jdbc) {
        PreviousHealthRun.Since since = previous.since(jdbc);
        // the status index (changelog 017) finds the few FAILED ones; last_updated is when they became FAILED
        List<Failure> failures = jdbc.query("""
                SELECT i.job_name, e.job_execution_id, e.last_updated,
                       split_part(coalesce(nullif(e.exit_message, ''), e.exit_code, ''), E'\\n', 1) AS why,
                       (SELECT min(later.job_execution_id) FROM batch_job_execution later
                         WHERE later.job_instance_id = e.job_instance_id
                           AND later.job_execution_id > e.job_execution_id AND later.status = 'COMPLETED')
                           AS completed_by
                FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                WHERE e.status = 'FAILED' AND e.last_updated >= ?
                ORDER BY e.job_execution_id""", (rs, row) -> new Failure(rs.getString("job_name"),
                rs.getLong("job_execution_id"), rs.getObject("last_updated", LocalDateTime.class),
                rs.getString("why"), (Long) rs.getObject("completed_by")), since.local());
        List<Failure> open = failures.stream().filter(failure -> failure.completedBy() == null).toList();
        List<Failure> resumed = failures.stream().filter(failure -> failure.completedBy() != null).toList();
        HealthState state = HealthState.above(open.size(), thresholds.failedWarn(), thresholds.failedCrit());
        List<Measurement> values = List.of(new Measurement("failed", open.size(), (double) thresholds.failedWarn(),
                (double) thresholds.failedCrit(), "executions"),
                new Measurement("failed_then_completed", resumed.size(), null, null, "executions"));
        String resumedNote = resumed.isEmpty() ? "" : " Failed and since completed by a later execution: "
                + resumed.stream().map(f -> f.job() + " execution " + f.id() + " (completed by " + f.completedBy()
                        + ")").collect(Collectors.joining(", ")) + ".";
        if (state == HealthState.OK) {
            return new CheckResult(NAME, group(), state, (open.isEmpty() ? "No job execution failed " : open.size()
                    + " job executions failed ") + since.describe() + "." + resumedNote, values);
        }
        return new CheckResult(NAME, group(), state, String.format("%d job execution%s failed %s and %s not "
                + "resumed (warn from %d, crit from %d): %s.%s Read each one's message ('nightshift executions "
                + "--status FAILED', GET /api/jobs/executions/{id}), fix the cause, then 'nightshift restart <id>' "
                + "resumes it where it stopped.", open.size(), open.size() == 1 ? "" : "s", since.describe(),
                open.size() == 1 ? "was" : "were", thresholds.failedWarn(), thresholds.failedCrit(),
                open.stream().map(Failure::describe).collect(Collectors.joining("; ")), resumedNote), values);
    }

    private record Failure(String job, long id, LocalDateTime at, String why, Long completedBy) {

        String describe() {
            return job + " execution " + id + " at " + at.withNano(0) + ": " + (why.isBlank() ? "no exit message"
                    : shortened(why.strip()));
        }

        private static String shortened(String line) {
            return line.length() <= 2 * MESSAGE_END ? line
                    : line.substring(0, MESSAGE_END) + " ... " + line.substring(line.length() - MESSAGE_END);
        }
    }
}
