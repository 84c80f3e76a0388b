package com.nightshift.rollup.sql;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How far incremental rollups have got: the snapshot the last completed incremental run planned from. Every
 * transaction that snapshot sees as finished has had the store-days it changed rolled up; a transaction it
 * sees as open (or that began later) is taken by a later run, from the keys it noted in
 * {@code orders_changed_keys}. Only transaction ids are compared, so the horizon needs no privilege to see
 * other sessions and never waits for a transaction that wrote nothing.
 */
@Repository
public class Watermark {

    private final JdbcTemplate jdbc;

    Watermark(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        Gauge.builder("nightshift.rollup.watermark.lag", this, Watermark::lagSeconds)
                .baseUnit("seconds")
                .description("Time since the snapshot of the last completed incremental rollup: changes committed "
                        + "since then are not rolled up yet (NaN before the first incremental run)")
                .register(registry);
        Gauge.builder("nightshift.rollup.watermark.open.transactions", this, Watermark::openAtPlanning)
                .description("Transactions open when the last completed incremental rollup planned: whatever they "
                        + "changed is left to the next run")
                .register(registry);
    }

    /** The current watermark; empty before the first incremental run, meaning "every line". */
    public Optional<Position> current() {
        List<Position> rows = jdbc.query("SELECT snapshot::text, planned_at FROM rollup_watermark WHERE id = 1",
                (rs, row) -> new Position(rs.getString(1), rs.getObject(2, OffsetDateTime.class)));
        return rows.stream().findFirst();
    }

    /** The snapshot of this moment, for a run that is planning. */
    public Position now() {
        return jdbc.queryForObject("SELECT pg_current_snapshot()::text, clock_timestamp()",
                (rs, row) -> new Position(rs.getString(1), rs.getObject(2, OffsetDateTime.class)));
    }

    /**
     * Records that every change {@code position} sees has been rolled up, unless a later position already is
     * recorded (a restarted old run must not move it back), and forgets the change notes that every later
     * snapshot will see as old.
     *
     * @return whether the watermark moved
     */
    public boolean advance(Position position, long jobExecutionId) {
        int moved = jdbc.update("""
                INSERT INTO rollup_watermark (id, snapshot, planned_at, job_execution_id, advanced_at)
                VALUES (1, ?::pg_snapshot, ?, ?, now())
                ON CONFLICT (id) DO UPDATE SET snapshot = EXCLUDED.snapshot, planned_at = EXCLUDED.planned_at,
                    job_execution_id = EXCLUDED.job_execution_id, advanced_at = EXCLUDED.advanced_at
                WHERE pg_snapshot_xmax(rollup_watermark.snapshot) < pg_snapshot_xmax(EXCLUDED.snapshot)
                   OR (pg_snapshot_xmax(rollup_watermark.snapshot) = pg_snapshot_xmax(EXCLUDED.snapshot)
                       AND rollup_watermark.planned_at < EXCLUDED.planned_at)
                """, position.snapshot(), position.plannedAt(), jobExecutionId);
        if (moved > 0) {
            jdbc.update("DELETE FROM orders_changed_keys WHERE xid < pg_snapshot_xmin(?::pg_snapshot)",
                    position.snapshot());
        }
        return moved > 0;
    }

    /** Seconds since the watermark's snapshot was taken; NaN before the first incremental run. */
    public double lagSeconds() {
        // the database's clock took planned_at, so it measures the lag too
        List<Double> lag = jdbc.queryForList("SELECT extract(epoch FROM clock_timestamp() - planned_at)::float8 "
                + "FROM rollup_watermark WHERE id = 1", Double.class);
        return lag.isEmpty() ? Double.NaN : lag.get(0);
    }

    private double openAtPlanning() {
        return current().map(position -> (double) position.openTransactions()).orElse(Double.NaN);
    }

    /**
     * A snapshot a run planned from, in PostgreSQL's text form ({@code xmin:xmax:xip,...}), and when it was
     * taken.
     */
    public record Position(String snapshot, OffsetDateTime plannedAt) {

        /** Transactions that were open when the snapshot was taken, in any database of the server. */
        public int openTransactions() {
            String open = snapshot.substring(snapshot.lastIndexOf(':') + 1);
            return open.isEmpty() ? 0 : open.split(",").length;
        }

        /** The oldest transaction open when the snapshot was taken, if any. */
        public Optional<String> oldestOpenTransaction() {
            return openTransactions() == 0 ? Optional.empty()
                    : Optional.of(snapshot.substring(0, snapshot.indexOf(':')));
        }
    }
}
