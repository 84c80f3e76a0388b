package com.nightshift.health;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every result of the health job, kept with its values: the latest of each of some checks (the current state, see
 * {@link CurrentChecks}), the results of one run, and one check's history over a time range, newest first and
 * limited.
 */
@Component
public class HealthHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Measurement>> MEASUREMENTS = new TypeReference<>() { };
    private static final String COLUMNS = "id, job_execution_id, check_name, check_group, state, message, "
            + "measured::text AS measured, checked_at, took_ms";

    private final JdbcTemplate jdbc;

    HealthHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps one result of the run {@code jobExecutionId} (null outside the job). */
    public void record(Long jobExecutionId, CheckResult result, Duration took) {
        jdbc.update("INSERT INTO health_result (job_execution_id, check_name, check_group, state, message, measured, "
                        + "took_ms) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)", jobExecutionId, result.check(),
                result.group().name(), result.state().name(), result.message(),
                JSON.writeValueAsString(result.values()), (int) Math.min(Integer.MAX_VALUE, took.toMillis()));
    }

    /** The newest result of each of these checks that has one, by check name. */
    public List<StoredResult> latest(Collection<String> checks) {
        return jdbc.query("SELECT DISTINCT ON (check_name) " + COLUMNS + " FROM health_result "
                + "WHERE check_name = ANY(?) ORDER BY check_name, checked_at DESC, id DESC", ROW,
                (Object) checks.toArray(String[]::new));
    }

    /** The results of one health run, in the order they were found. */
    public List<StoredResult> ofExecution(long jobExecutionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM health_result WHERE job_execution_id = ? ORDER BY id",
                ROW, jobExecutionId);
    }

    /**
     * One check's results from {@code from} (inclusive) to {@code to} (exclusive), newest first, at most
     * {@code limit}; null bounds are open.
     */
    public List<StoredResult> history(String check, Instant from, Instant to, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM health_result WHERE check_name = ? "
                        + "AND checked_at >= coalesce(?::timestamptz, '-infinity'::timestamptz) "
                        + "AND checked_at < coalesce(?::timestamptz, 'infinity'::timestamptz) "
                        + "ORDER BY checked_at DESC, id DESC LIMIT ?", ROW, check,
                from == null ? null : Timestamp.from(from), to == null ? null : Timestamp.from(to), limit);
    }

    /**
     * When the check's present run of {@code state} began: the time of its first result after the last one in
     * another state (its first result ever, when it was never in another).
     */
    public Instant since(String check, HealthState state) {
        return jdbc.queryForObject("SELECT min(checked_at) FROM health_result WHERE check_name = ? "
                + "AND checked_at > coalesce((SELECT max(checked_at) FROM health_result WHERE check_name = ? "
                + "AND state <> ?), '-infinity'::timestamptz)", Timestamp.class, check, check, state.name())
                .toInstant();
    }

    private static final RowMapper<StoredResult> ROW = HealthHistory::row;

    private static StoredResult row(ResultSet rs, int rowNum) throws SQLException {
        long execution = rs.getLong("job_execution_id");
        return new StoredResult(rs.getLong("id"), rs.wasNull() ? null : execution, rs.getString("check_name"),
                CheckGroup.valueOf(rs.getString("check_group")), HealthState.valueOf(rs.getString("state")),
                rs.getString("message"), JSON.readValue(rs.getString("measured"), MEASUREMENTS),
                rs.getTimestamp("checked_at").toInstant(), rs.getLong("took_ms"));
    }
}
