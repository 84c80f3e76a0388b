package com.nightshift.ops;

import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Looks up past runs of a job by their parameters, straight from Spring Batch's tables. The repository's own
 * API loads every execution with all its step executions and contexts, which for a partitioned job is
 * thousands of rows per run: too slow to ask on every start.
 */
@Repository
public class JobHistory {

    private static final int EXECUTIONS_TO_SEARCH = 200;
    /** The exit code of an execution stopped by its instance's shutdown, for another instance to resume. */
    static final String STOPPED_BY_SHUTDOWN = "STOPPED_BY_SHUTDOWN";

    private final JdbcTemplate jdbc;
    private final JobRepository repository;

    JobHistory(JdbcTemplate jdbc, JobRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    /** The newest execution of the run: its job, with the same identifying parameters, {@code run.id} aside. */
    Optional<Long> lastExecutionWith(RunKey key) {
        return executionsWith(key, false, EXECUTIONS_TO_SEARCH).stream().findFirst();
    }

    /**
     * The executions shown running (STARTING, STARTED, STOPPING), and those stopped by their instance's shutdown
     * that nothing has resumed yet, among the {@code recent} newest ones, newest first, with their runs: what
     * {@link DeadRunRecovery} looks at every few seconds, so it reads a range of the primary key rather than the
     * whole table, and loads no step.
     */
    List<RunningExecution> unfinishedAmongRecent(int recent) {
        return jdbc.query("""
                SELECT e.job_execution_id, i.job_name,
                       coalesce(string_agg(p.parameter_name || '=' || p.parameter_value, '&' ORDER BY p.parameter_name)
                                FILTER (WHERE p.identifying = 'Y' AND p.parameter_name <> ?), '') AS parameters
                FROM batch_job_execution e
                JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                LEFT JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                WHERE e.job_execution_id > (SELECT coalesce(max(job_execution_id), 0) FROM batch_job_execution) - ?
                  AND (e.status IN ('STARTING', 'STARTED', 'STOPPING')
                       OR e.status = 'STOPPED' AND e.exit_code = ?
                          AND NOT EXISTS (SELECT 1 FROM batch_job_execution later
                                          WHERE later.job_instance_id = e.job_instance_id
                                            AND later.job_execution_id > e.job_execution_id))
                GROUP BY e.job_execution_id, i.job_name
                ORDER BY e.job_execution_id DESC
                """, (rs, row) -> new RunningExecution(rs.getLong(1), new RunKey(rs.getString(2), rs.getString(3))),
                JobRunner.RUN_ID, recent, STOPPED_BY_SHUTDOWN);
    }

    /**
     * Gives a STOPPED execution the exit code that says who stopped it: {@link #STOPPED_BY_SHUTDOWN} when its
     * instance's shutdown did, so that another serving instance resumes it ({@link DeadRunRecovery}); STOPPED, as
     * an operator's stop leaves it, for one that stays stopped until its run is started again.
     *
     * @return false when the execution is not STOPPED (it ended otherwise, or has not stopped yet)
     */
    boolean labelStopped(long executionId, String exitCode) {
        Optional<JobExecution> stopped = execution(executionId)
                .filter(execution -> execution.getStatus() == BatchStatus.STOPPED);
        stopped.ifPresent(execution -> {
            execution.setExitStatus(new ExitStatus(exitCode, execution.getExitStatus().getExitDescription()));
            repository.update(execution);
        });
        return stopped.isPresent();
    }

    /** An unfinished execution, and the run it belongs to. */
    record RunningExecution(long id, RunKey run) {
    }

    /** Whether any execution of the run completed, however long ago. */
    boolean hasCompleted(RunKey key) {
        return !executionsWith(key, true, Integer.MAX_VALUE).isEmpty();
    }

    /**
     * The run's executions, newest first, among the job's newest {@code searched} (its completed ones only, if
     * asked): matched on their identifying parameters, {@code run.id} aside.
     */
    private List<Long> executionsWith(RunKey key, boolean completedOnly, int searched) {
        return jdbc.query("""
                SELECT e.job_execution_id,
                       coalesce(string_agg(p.parameter_name || '=' || p.parameter_value, '&' ORDER BY p.parameter_name)
                                FILTER (WHERE p.identifying = 'Y' AND p.parameter_name <> ?), '') AS parameters
                FROM batch_job_execution e
                JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                LEFT JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                WHERE i.job_name = ? AND (NOT ? OR e.status = 'COMPLETED')
                GROUP BY e.job_execution_id
                ORDER BY e.job_execution_id DESC
                LIMIT ?
                """, (rs, row) -> key.parameters().equals(rs.getString(2)) ? rs.getLong(1) : null,
                JobRunner.RUN_ID, key.job(), completedOnly, searched).stream().filter(id -> id != null).toList();
    }

    /** The execution's status as recorded, without loading its steps. */
    Optional<String> status(long executionId) {
        return jdbc.queryForList("SELECT status FROM batch_job_execution WHERE job_execution_id = ?", String.class,
                executionId).stream().findFirst();
    }

    /**
     * Asks a running execution to stop, wherever it runs: it is marked STOPPING and its version bumped, and the
     * process running it reads that back at its next chunk commit (Spring Batch's repository synchronises the
     * job's status whenever it saves a step execution), then ends the step and the job as STOPPED. One
     * conditional statement, so that an execution that has just ended keeps its outcome; unlike
     * {@code JobOperator.stop}, it leaves the end time unset, so STOPPING shows until the run has really stopped.
     *
     * @return false when the execution was not running
     */
    boolean askToStop(long executionId) {
        return jdbc.update("""
                UPDATE batch_job_execution SET status = 'STOPPING', version = version + 1, last_updated = localtimestamp
                WHERE job_execution_id = ? AND status IN ('STARTING', 'STARTED', 'STOPPING')
                """, executionId) == 1;
    }

    /** The execution with its steps, if it was ever recorded. */
    public Optional<JobExecution> execution(long executionId) {
        try {
            return Optional.ofNullable(repository.getJobExecution(executionId));
        } catch (EmptyResultDataAccessException e) {
            // the JDBC repository's way of saying there is no such execution; others return null
            return Optional.empty();
        }
    }

    /**
     * A {@code run.id} no run of any job has had: from a sequence, so that two starts at the same instant on
     * two instances never get the same one (changelog 020).
     */
    long nextRunId() {
        return jdbc.queryForObject("SELECT nextval('job_run_id')", Long.class);
    }
}
