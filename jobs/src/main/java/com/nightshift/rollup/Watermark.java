package com.nightshift.rollup;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * How far incremental rollups have got. Every order line whose {@code updated_at} is before the watermark has
 * been rolled up. {@code updated_at} is a transaction's start time, and a transaction may commit long after it
 * started, so a new watermark never passes the start of a transaction still open: its lines will have a time
 * at or after the watermark, and the next run picks them up.
 */
@Repository
public class Watermark {

    private final JdbcTemplate jdbc;

    public Watermark(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The current watermark; empty before the first incremental run, meaning "every line". */
    public Optional<OffsetDateTime> current() {
        List<OffsetDateTime> rows = jdbc.query("SELECT changed_before FROM rollup_watermark WHERE id = 1",
                (rs, row) -> rs.getObject(1, OffsetDateTime.class));
        return rows.stream().findFirst();
    }

    /**
     * The latest time before which every change to this database has committed: now, or the start of the
     * oldest transaction still open, whichever is earlier, less a margin for one that is just beginning.
     */
    public OffsetDateTime safeNext(Duration margin) {
        return jdbc.queryForObject("""
                SELECT least(clock_timestamp(),
                             (SELECT min(xact_start) FROM pg_stat_activity
                              WHERE datname = current_database() AND pid <> pg_backend_pid()
                                AND xact_start IS NOT NULL)) - make_interval(secs => ?)
                """, (rs, row) -> rs.getObject(1, OffsetDateTime.class), margin.toNanos() / 1e9);
    }

    /** Records that every line changed before {@code changedBefore} has been rolled up. */
    public void advance(OffsetDateTime changedBefore, long jobExecutionId) {
        jdbc.update("""
                INSERT INTO rollup_watermark (id, changed_before, job_execution_id, advanced_at)
                VALUES (1, ?, ?, now())
                ON CONFLICT (id) DO UPDATE SET changed_before = EXCLUDED.changed_before,
                    job_execution_id = EXCLUDED.job_execution_id, advanced_at = EXCLUDED.advanced_at
                WHERE rollup_watermark.changed_before < EXCLUDED.changed_before
                """, changedBefore, jobExecutionId);
    }
}
