package com.nightshift.rollup.sql;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.nightshift.rollup.RollupPartition;
import com.nightshift.rollup.compute.PartitionRows;
import com.nightshift.rollup.compute.PartitionTotals;
import com.nightshift.rollup.compute.QuarantinedLine;
import com.nightshift.rollup.compute.RollupRowsChange;

/**
 * Recomputes partitions' rollups in the caller's transaction: each partition's lines are read in keyset pages and
 * added up here, compared with the rows its tables hold, and only the rows that differ are replaced: stale keys
 * deleted in one batch per table, new and changed rows written with one {@code COPY} per table, in key order.
 * Lines that cannot be counted go to the quarantine with their reason, and each store-day's state (the snapshot
 * its rows come from) is recorded with them.
 *
 * <p>Measured on 10 M lines against PostgreSQL computing and inserting the same rows in one statement per
 * partition: reading the lines out and adding them up here costs the server less than half as much, and on a
 * small machine the server is what runs out. Writing only what changed matters for incremental runs, whose
 * one-day partitions typically move a row or two of the dozens they hold: rewriting all of them was most of
 * the server's work for such a run. Statements are per transaction rather than per partition wherever the
 * keyset reads allow.
 */
@Repository
public class PartitionRollup {

    /**
     * Takes a partition's store, first and last day for each of its two deletes: its quarantined lines, and
     * quarantined lines that now sit in the partition (their store or date was corrected), to be judged again.
     */
    private static final String CLEAR_QUARANTINE = """
            WITH moved_in AS (
                DELETE FROM rollup_quarantine q USING orders o
                WHERE q.order_line_id = o.id AND o.store_name = ? AND o.order_date BETWEEN ? AND ?)
            DELETE FROM rollup_quarantine WHERE store_name = ? AND business_date BETWEEN ? AND ?
            """;

    private static final int CLEAR_DELETES = 2;

    private static final String QUARANTINE = """
            INSERT INTO rollup_quarantine (order_line_id, store_name, business_date, reason, job_execution_id)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (order_line_id) DO UPDATE
                SET store_name = EXCLUDED.store_name, business_date = EXCLUDED.business_date,
                    reason = EXCLUDED.reason, job_execution_id = EXCLUDED.job_execution_id, quarantined_at = now()
            """;

    private final JdbcTemplate jdbc;
    private final OrderLinePages lines;
    private final CurrentRollupRows current;
    private final RollupRowsCopy rows;
    private final StoreDayStates states;

    PartitionRollup(JdbcTemplate jdbc, OrderLinePages lines, CurrentRollupRows current, RollupRowsCopy rows,
                    StoreDayStates states) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.current = current;
        this.rows = rows;
        this.states = states;
    }

    /**
     * Must run inside a repeatable-read transaction: the partitions are replaced as a whole or not at all, and
     * all their pages of lines, and the rows they are compared with, come from one snapshot, so a line moved
     * while they are read counts exactly once.
     *
     * @return one result per partition, in the same order
     */
    public List<PartitionResult> recompute(List<RollupPartition> partitions, long jobExecutionId) {
        requireRepeatableRead(partitions);
        // The partitions' rows and their step's progress commit together; should a crash lose this commit, both
        // are lost and a restart redoes the partitions. So the commit need not wait for the disk.
        jdbc.execute("SET LOCAL synchronous_commit TO off");
        jdbc.batchUpdate(CLEAR_QUARANTINE, partitions, partitions.size(), (statement, partition) -> {
            for (int delete = 0; delete < CLEAR_DELETES; delete++) {
                statement.setString(3 * delete + 1, partition.store());
                statement.setObject(3 * delete + 2, partition.from());
                statement.setObject(3 * delete + 3, partition.to());
            }
        });

        Map<RollupPartition, PartitionRows> held = current.read(partitions);
        List<PartitionResult> results = new ArrayList<>();
        List<PartitionRows> deletes = new ArrayList<>();
        List<PartitionRows> inserts = new ArrayList<>();
        List<QuarantinedLine> problems = new ArrayList<>();
        for (RollupPartition partition : partitions) {
            PartitionTotals totals = new PartitionTotals(partition.store());
            lines.forEachLine(partition, totals::add);
            totals.finish();
            PartitionRows computed = PartitionRows.of(totals);
            RollupRowsChange change = RollupRowsChange.between(held.get(partition), computed);
            deletes.add(change.deletes());
            inserts.add(change.inserts());
            problems.addAll(totals.problems());
            results.add(new PartitionResult(totals.lines(), totals.problems().size(), computed,
                    change.keysChanged()));
        }
        current.delete(deletes);
        rows.write(inserts);
        quarantine(problems, jobExecutionId);
        states.write(partitions, jobExecutionId);
        return results;
    }

    private void quarantine(List<QuarantinedLine> problems, long jobExecutionId) {
        if (problems.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(QUARANTINE, problems, 500, (statement, line) -> {
            statement.setLong(1, line.orderLineId());
            statement.setString(2, line.store());
            statement.setObject(3, line.day());
            statement.setString(4, line.reason());
            statement.setLong(5, jobExecutionId);
        });
    }

    private static void requireRepeatableRead(List<RollupPartition> partitions) {
        Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
        if (!TransactionSynchronizationManager.isActualTransactionActive() || isolation == null
                || isolation < Connection.TRANSACTION_REPEATABLE_READ) {
            throw new IllegalStateException("rolling up " + partitions
                    + " needs a repeatable-read transaction, so that all their lines are read from one snapshot");
        }
    }
}
