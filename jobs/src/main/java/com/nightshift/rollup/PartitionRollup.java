package com.nightshift.rollup;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Recomputes one partition's rollups in the caller's transaction: its old rows and quarantine entries go, its
 * lines are read in keyset pages and added up here, and the new rows are written with {@code COPY} in key order.
 * Lines that cannot be counted go to the quarantine with their reason.
 *
 * <p>Measured on 10 M lines against PostgreSQL computing and inserting the same rows in one statement per
 * partition: reading the lines out and adding them up here costs the server less than half as much, and on a
 * small machine the server is what runs out.
 */
@Repository
public class PartitionRollup {

    /** Also releases quarantined lines that now sit in this partition: they are judged again below. */
    private static final String CLEAR = """
            WITH store_daily AS (
                DELETE FROM rollup_store_daily WHERE store_name = ? AND business_date BETWEEN ? AND ?),
            store_product AS (
                DELETE FROM rollup_store_product_daily WHERE store_name = ? AND business_date BETWEEN ? AND ?),
            store_channel AS (
                DELETE FROM rollup_store_channel_daily WHERE store_name = ? AND business_date BETWEEN ? AND ?),
            moved_in AS (
                DELETE FROM rollup_quarantine q USING orders o
                WHERE q.order_line_id = o.id AND o.store_name = ? AND o.order_date BETWEEN ? AND ?)
            DELETE FROM rollup_quarantine WHERE store_name = ? AND business_date BETWEEN ? AND ?
            """;

    private static final String QUARANTINE = """
            INSERT INTO rollup_quarantine (order_line_id, store_name, business_date, reason, job_execution_id)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (order_line_id) DO UPDATE
                SET store_name = EXCLUDED.store_name, business_date = EXCLUDED.business_date,
                    reason = EXCLUDED.reason, job_execution_id = EXCLUDED.job_execution_id, quarantined_at = now()
            """;

    private final JdbcTemplate jdbc;
    private final OrderLinePages lines;
    private final RollupRowsCopy rows;

    PartitionRollup(JdbcTemplate jdbc, OrderLinePages lines, RollupRowsCopy rows) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.rows = rows;
    }

    /**
     * Must run inside a repeatable-read transaction: the partition is replaced as a whole or not at all, and all
     * its pages of lines come from one snapshot, so a line moved while they are read is counted exactly once.
     */
    public PartitionResult recompute(RollupPartition partition, long jobExecutionId) {
        requireRepeatableRead(partition);
        String store = partition.store();
        LocalDate from = partition.from();
        LocalDate to = partition.to();
        // The partition's rows and its step's "done" commit together; should a crash lose this commit, both are
        // lost and a restart redoes the partition. So the commit need not wait for the disk.
        jdbc.execute("SET LOCAL synchronous_commit TO off");
        jdbc.update(CLEAR, store, from, to, store, from, to, store, from, to, store, from, to, store, from, to);

        PartitionTotals totals = new PartitionTotals(store);
        lines.forEachLine(partition, totals::add);
        totals.finish();

        rows.storeDays(store, totals.storeDays());
        rows.storeProductDays(store, totals.productDays());
        rows.storeChannelDays(store, totals.channelDays());
        quarantine(store, totals.problems(), jobExecutionId);
        return new PartitionResult(totals.lines(), totals.problems().size(), totals.storeDays().size(),
                totals.productDays().size(), totals.channelDays().size());
    }

    private void quarantine(String store, List<QuarantinedLine> problems, long jobExecutionId) {
        jdbc.batchUpdate(QUARANTINE, problems, 500, (statement, line) -> {
            statement.setLong(1, line.orderLineId());
            statement.setString(2, store);
            statement.setObject(3, line.day());
            statement.setString(4, line.reason());
            statement.setLong(5, jobExecutionId);
        });
    }

    private static void requireRepeatableRead(RollupPartition partition) {
        Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
        if (!TransactionSynchronizationManager.isActualTransactionActive() || isolation == null
                || isolation < Connection.TRANSACTION_REPEATABLE_READ) {
            throw new IllegalStateException("rolling up " + partition
                    + " needs a repeatable-read transaction, so that all its lines are read from one snapshot");
        }
    }
}
