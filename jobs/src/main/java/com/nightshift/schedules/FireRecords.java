package com.nightshift.schedules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code schedule_fire} table (changelog 016). Every statement commits on its own: a claim must be visible to
 * every instance before the run it claims starts.
 */
@Repository
public class FireRecords {

    private static final String COLUMNS = "id, schedule, fire_time, kind, parameters, outcome, job_execution_id, "
            + "instance, claimed_at, ended_at, message";

    private final JdbcTemplate jdbc;

    FireRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a fire: its row, STARTED. Empty when the fire was claimed already (another instance, a duplicate
     * trigger); a manual fire is always claimed.
     */
    Optional<Long> claim(String schedule, Instant fireTime, FireKind kind, Map<String, String> parameters,
                         String instance) {
        return jdbc.query("""
                INSERT INTO schedule_fire (schedule, fire_time, kind, parameters, outcome, instance)
                VALUES (?, ?, ?, ?, 'STARTED', ?)
                ON CONFLICT (schedule, fire_time) WHERE kind <> 'MANUAL' DO NOTHING
                RETURNING id
                """, (rs, row) -> rs.getLong(1), schedule, Timestamp.from(fireTime), kind.name(), text(parameters),
                instance).stream().findFirst();
    }

    /**
     * Records fires that were not run, as one SKIPPED row at the last of them; false when that fire was claimed
     * already.
     */
    boolean skipped(String schedule, Instant lastFireTime, Map<String, String> parameters, String instance,
                    String message) {
        return jdbc.update("""
                INSERT INTO schedule_fire (schedule, fire_time, kind, parameters, outcome, instance, ended_at, message)
                VALUES (?, ?, 'SKIPPED', ?, 'SKIPPED', ?, now(), ?)
                ON CONFLICT (schedule, fire_time) WHERE kind <> 'MANUAL' DO NOTHING
                """, schedule, Timestamp.from(lastFireTime), text(parameters), instance, message) == 1;
    }

    /** How a claimed fire ended: its run's outcome and execution, or why it did not run. */
    void ended(long id, FireOutcome outcome, Long executionId, String message) {
        jdbc.update("""
                UPDATE schedule_fire SET outcome = ?, job_execution_id = ?, message = ?, ended_at = now()
                WHERE id = ?
                """, outcome.name(), executionId, message, id);
    }

    /** The run a claimed fire started, while it goes. */
    void running(long id, long executionId) {
        jdbc.update("UPDATE schedule_fire SET job_execution_id = ? WHERE id = ?", executionId, id);
    }

    /**
     * Gives a fire back: its claim is removed, as if it had never been taken, for another instance or a later
     * start to take (its trigger is handed back too).
     */
    void release(long id) {
        jdbc.update("DELETE FROM schedule_fire WHERE id = ? AND outcome = 'STARTED'", id);
    }

    /**
     * The execution that a fire's run has just created, written as the run starts: a fire whose process dies
     * mid-run still points at the run that another instance resumes.
     */
    void runStarted(String schedule, Instant fireTime, long executionId) {
        jdbc.update("""
                UPDATE schedule_fire SET job_execution_id = ?
                WHERE schedule = ? AND fire_time = ? AND outcome = 'STARTED' AND job_execution_id IS NULL
                """, executionId, schedule, Timestamp.from(fireTime));
    }

    /**
     * How a fire's run ended, wherever it ended: on the instance that fired it, on the one that resumed it after
     * that one died or stopped (a stopped run is resumed by its next start), or in the background for a manual
     * fire.
     */
    void runEnded(String schedule, Instant fireTime, long executionId, FireOutcome outcome, String message) {
        jdbc.update("""
                UPDATE schedule_fire SET outcome = ?, job_execution_id = ?, message = ?, ended_at = now()
                WHERE outcome IN ('STARTED', 'STOPPED') AND (job_execution_id = ? OR schedule = ? AND fire_time = ?)
                """, outcome.name(), executionId, message, executionId, schedule, Timestamp.from(fireTime));
    }

    /**
     * Settles the claims of a process that died between claiming a fire and starting its run: STARTED with no
     * execution, claimed more than {@code grace} ago (by the database's clock, which stamped the claim) by a Quartz
     * instance no longer checked in to {@code schedulerName}'s cluster. They become REFUSED with {@code message}.
     *
     * @return the fires settled
     */
    List<FireRecord> settleAbandoned(String schedulerName, Duration grace, String message) {
        return jdbc.query("""
                UPDATE schedule_fire SET outcome = 'REFUSED', message = ?, ended_at = now()
                WHERE outcome = 'STARTED' AND job_execution_id IS NULL
                  AND claimed_at < now() - make_interval(secs => ?)
                  AND instance NOT IN (SELECT instance_name FROM qrtz_scheduler_state WHERE sched_name = ?)
                RETURNING\s""" + COLUMNS, FireRecords::record, message, grace.toMillis() / 1000.0, schedulerName);
    }

    /** The latest fire time recorded for the schedule apart from manual fires: what a catch-up counts from. */
    public Optional<Instant> baseline(String schedule) {
        return Optional.ofNullable(jdbc.queryForObject(
                "SELECT max(fire_time) FROM schedule_fire WHERE schedule = ? AND kind <> 'MANUAL'",
                Timestamp.class, schedule)).map(Timestamp::toInstant);
    }

    /** The schedule's latest fire of any kind. */
    public Optional<FireRecord> latest(String schedule) {
        return jdbc.query("SELECT " + COLUMNS + " FROM schedule_fire WHERE schedule = ? "
                + "ORDER BY fire_time DESC, id DESC LIMIT 1", FireRecords::record, schedule).stream().findFirst();
    }

    public Optional<FireRecord> byId(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM schedule_fire WHERE id = ?", FireRecords::record, id)
                .stream().findFirst();
    }

    /** The schedule's fires, oldest first. */
    public List<FireRecord> of(String schedule) {
        return jdbc.query("SELECT " + COLUMNS + " FROM schedule_fire WHERE schedule = ? ORDER BY fire_time, id",
                FireRecords::record, schedule);
    }

    /** The execution that a run started by this fire recorded, once Spring Batch has recorded it. */
    Optional<Long> executionNoted(String schedule, String fireNote) {
        return jdbc.queryForList("""
                SELECT f.job_execution_id FROM batch_job_execution_params f
                JOIN batch_job_execution_params s ON s.job_execution_id = f.job_execution_id
                WHERE f.parameter_name = ? AND f.parameter_value = ? AND s.parameter_name = ? AND s.parameter_value = ?
                """, Long.class, FireNotes.FIRE, fireNote, FireNotes.SCHEDULE, schedule).stream().findFirst();
    }

    static String text(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }

    private static FireRecord record(ResultSet rs, int row) throws SQLException {
        long execution = rs.getLong("job_execution_id");
        Long executionId = rs.wasNull() ? null : execution;
        Timestamp ended = rs.getTimestamp("ended_at");
        return new FireRecord(rs.getLong("id"), rs.getString("schedule"), rs.getTimestamp("fire_time").toInstant(),
                FireKind.valueOf(rs.getString("kind")), rs.getString("parameters"),
                FireOutcome.valueOf(rs.getString("outcome")), executionId,
                rs.getString("instance"), rs.getTimestamp("claimed_at").toInstant(),
                ended == null ? null : ended.toInstant(), rs.getString("message"));
    }
}
