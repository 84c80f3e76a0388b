package com.nightshift.rollup.sql;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.nightshift.rollup.RollupPartition;

/**
 * Records, in the transaction that rolls partitions up, the snapshot their rows were computed from: one row per
 * store-day of each partition, whether its rows changed or not. A change to the store-day's lines that this
 * snapshot does not see is not in its rows, which is how the report job knows whether a day's figures are
 * complete (see {@code reports.job.CompletenessGate}).
 *
 * <p>One statement per transaction: the partitions travel as three arrays and the server expands them into
 * store-days, so a full run of 100 stores over 730 days writes its 73,000 rows in a few hundred statements,
 * not 73,000.
 */
@Repository
class StoreDayStates {

    // In a repeatable-read transaction pg_current_snapshot() is the transaction's snapshot: the one every
    // line of these partitions was read from.
    private static final String UPSERT = """
            INSERT INTO rollup_store_day_state (store_name, business_date, snapshot, job_execution_id, rolled_up_at)
            SELECT p.store_name, day::date, pg_current_snapshot(), ?, now()
            FROM unnest(?::text[], ?::date[], ?::date[]) AS p(store_name, first_day, last_day),
                 generate_series(p.first_day, p.last_day, interval '1 day') AS day
            ON CONFLICT (store_name, business_date) DO UPDATE
                SET snapshot = EXCLUDED.snapshot, job_execution_id = EXCLUDED.job_execution_id,
                    rolled_up_at = EXCLUDED.rolled_up_at
            """;

    private final JdbcTemplate jdbc;

    StoreDayStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(List<RollupPartition> partitions, long jobExecutionId) {
        String[] stores = partitions.stream().map(RollupPartition::store).toArray(String[]::new);
        String[] firstDays = partitions.stream().map(partition -> partition.from().toString()).toArray(String[]::new);
        String[] lastDays = partitions.stream().map(partition -> partition.to().toString()).toArray(String[]::new);
        jdbc.update(UPSERT, jobExecutionId, stores, firstDays, lastDays);
    }
}
