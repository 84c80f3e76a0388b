package com.nightshift.ops;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Looks up past runs of a job by their parameters, straight from Spring Batch's tables. The repository's own
 * API loads every execution with all its step executions and contexts, which for a partitioned job is
 * thousands of rows per run: too slow to ask on every start.
 */
@Repository
class JobHistory {

    private static final int EXECUTIONS_TO_SEARCH = 200;

    private final JdbcTemplate jdbc;

    JobHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest execution of {@code jobName} whose identifying parameters, {@code run.id} aside, are these. */
    Optional<Long> lastExecutionWith(String jobName, Map<String, String> parameters) {
        String wanted = canonical(parameters);
        List<Long> matches = jdbc.query("""
                SELECT e.job_execution_id,
                       coalesce(string_agg(p.parameter_name || '=' || p.parameter_value, '&' ORDER BY p.parameter_name)
                                FILTER (WHERE p.identifying = 'Y' AND p.parameter_name <> ?), '') AS parameters
                FROM batch_job_execution e
                JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                LEFT JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                WHERE i.job_name = ?
                GROUP BY e.job_execution_id
                ORDER BY e.job_execution_id DESC
                LIMIT ?
                """, (rs, row) -> wanted.equals(rs.getString(2)) ? rs.getLong(1) : null,
                JobRunner.RUN_ID, jobName, EXECUTIONS_TO_SEARCH);
        return matches.stream().filter(id -> id != null).findFirst();
    }

    /** One more than the highest {@code run.id} the job has had. */
    long nextRunId(String jobName) {
        Long highest = jdbc.queryForObject("""
                SELECT max(p.parameter_value::bigint)
                FROM batch_job_execution_params p
                JOIN batch_job_execution e ON e.job_execution_id = p.job_execution_id
                JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                WHERE i.job_name = ? AND p.parameter_name = ?
                """, Long.class, jobName, JobRunner.RUN_ID);
        return highest == null ? 1 : highest + 1;
    }

    private static String canonical(Map<String, String> parameters) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(parameters).forEach((name, value) ->
                text.append(text.isEmpty() ? "" : "&").append(name).append('=').append(value));
        return text.toString();
    }
}
