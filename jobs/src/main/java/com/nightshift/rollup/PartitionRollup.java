package com.nightshift.rollup;

import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Recomputes one partition's rollups in the caller's transaction: its old rows go, its new rows come from
 * one statement that reads the partition's order lines once through the (store_name, order_date) index,
 * aggregates them for all three grains and writes each grain in key order. Lines that cannot be counted
 * are written to the quarantine with their reason instead.
 *
 * <p>Semantics: {@code orders} counts distinct order numbers among lines that are not cancelled;
 * {@code lines} counts such lines; {@code quantity} and {@code gross_amount} sum completed lines;
 * {@code refund_amount} is the positive sum of refunded lines' negative amounts; net is gross minus refund.
 * A key with no line that is not cancelled gets no row.
 */
@Repository
public class PartitionRollup {

    /** Why a line cannot be counted, or NULL when it can. Cancelled lines count nowhere, so need less. */
    static final String LINE_PROBLEM = """
            CASE
              WHEN btrim(store_name) = '' THEN 'missing store name'
              WHEN status IS NULL THEN 'missing status'
              WHEN status NOT IN ('completed', 'refunded', 'cancelled') THEN 'unknown status ''' || status || ''''
              WHEN status = 'cancelled' THEN NULL
              WHEN order_no IS NULL OR btrim(order_no) = '' THEN 'missing order number'
              WHEN product_name IS NULL OR btrim(product_name) = '' THEN 'missing product name'
              WHEN channel IS NULL OR btrim(channel) = '' THEN 'missing channel'
              WHEN amount IS NULL THEN 'missing amount'
              WHEN quantity IS NULL THEN 'missing quantity'
              WHEN status = 'completed' AND quantity <= 0 THEN 'quantity ' || quantity || ' on a completed line'
              WHEN status = 'completed' AND amount < 0 THEN 'negative amount on a completed line'
              WHEN status = 'refunded' AND amount > 0 THEN 'positive amount on a refunded line'
            END""";

    private static final String CLEAR = """
            WITH store_daily AS (
                DELETE FROM rollup_store_daily WHERE store_name = ? AND business_date BETWEEN ? AND ?),
            store_product AS (
                DELETE FROM rollup_store_product_daily WHERE store_name = ? AND business_date BETWEEN ? AND ?),
            store_channel AS (
                DELETE FROM rollup_store_channel_daily WHERE store_name = ? AND business_date BETWEEN ? AND ?)
            DELETE FROM rollup_quarantine WHERE store_name = ? AND business_date BETWEEN ? AND ?
            """;

    /*
     * Measured on 10 M lines: every copy of a partition's lines and every per-group DISTINCT sort shows, so the
     * lines are read and shaped once (names in the "C" collation of the rollup keys, amounts split by status)
     * and orders per product are counted from a first grouping by order instead of with count(DISTINCT).
     */
    private static final String RECOMPUTE = """
            WITH lines AS MATERIALIZED (
                SELECT id, order_date, order_no COLLATE "C" AS order_no, product_name COLLATE "C" AS product_name,
                       channel COLLATE "C" AS channel,
                       CASE WHEN status = 'completed' THEN quantity ELSE 0 END AS sold,
                       CASE WHEN status = 'completed' THEN amount ELSE 0 END AS gross,
                       CASE WHEN status = 'refunded' THEN -amount ELSE 0 END AS refund,
                       status = 'cancelled' AS cancelled,
                       %s AS problem
                FROM orders
                WHERE store_name = ? AND order_date BETWEEN ? AND ?),
            quarantined AS (
                INSERT INTO rollup_quarantine (order_line_id, store_name, business_date, reason, job_execution_id)
                SELECT id, ?, order_date, problem, ? FROM lines WHERE problem IS NOT NULL
                ON CONFLICT (order_line_id) DO UPDATE
                    SET store_name = EXCLUDED.store_name, business_date = EXCLUDED.business_date,
                        reason = EXCLUDED.reason, job_execution_id = EXCLUDED.job_execution_id, quarantined_at = now()
                RETURNING 1),
            released AS (
                DELETE FROM rollup_quarantine q USING lines l
                WHERE q.order_line_id = l.id AND l.problem IS NULL),
            store_daily AS (
                INSERT INTO rollup_store_daily
                    (store_name, business_date, orders, lines, quantity, gross_amount, refund_amount, net_amount)
                SELECT ?, order_date, count(DISTINCT order_no), count(*), sum(sold), sum(gross), sum(refund),
                       sum(gross) - sum(refund)
                FROM lines WHERE problem IS NULL AND NOT cancelled
                GROUP BY order_date ORDER BY order_date
                RETURNING 1),
            store_product AS (
                INSERT INTO rollup_store_product_daily
                    (store_name, business_date, product_name, orders, quantity, gross_amount, refund_amount, net_amount)
                SELECT ?, order_date, product_name, count(*), sum(sold), sum(gross), sum(refund),
                       sum(gross) - sum(refund)
                FROM (SELECT order_date, product_name, order_no,
                             sum(sold) AS sold, sum(gross) AS gross, sum(refund) AS refund
                      FROM lines WHERE problem IS NULL AND NOT cancelled
                      GROUP BY order_date, product_name, order_no) per_order
                GROUP BY order_date, product_name ORDER BY order_date, product_name
                RETURNING 1),
            store_channel AS (
                INSERT INTO rollup_store_channel_daily
                    (store_name, business_date, channel, orders, quantity, gross_amount, refund_amount, net_amount)
                SELECT ?, order_date, channel, count(DISTINCT order_no), sum(sold), sum(gross), sum(refund),
                       sum(gross) - sum(refund)
                FROM lines WHERE problem IS NULL AND NOT cancelled
                GROUP BY order_date, channel ORDER BY order_date, channel
                RETURNING 1)
            SELECT (SELECT count(*) FROM lines), (SELECT count(*) FROM quarantined),
                   (SELECT count(*) FROM store_daily), (SELECT count(*) FROM store_product),
                   (SELECT count(*) FROM store_channel)
            """.formatted(LINE_PROBLEM);

    private final JdbcTemplate jdbc;

    public PartitionRollup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside a transaction: the partition is replaced as a whole or not at all. */
    public PartitionResult recompute(RollupPartition partition, long jobExecutionId) {
        String store = partition.store();
        LocalDate from = partition.from();
        LocalDate to = partition.to();
        // The partition's rows and its step's "done" commit together; should a crash lose this commit, both are
        // lost and a restart redoes the partition. So the commit need not wait for the disk.
        jdbc.execute("SET LOCAL synchronous_commit TO off");
        jdbc.update(CLEAR, store, from, to, store, from, to, store, from, to, store, from, to);
        return jdbc.queryForObject(RECOMPUTE, (rs, row) -> new PartitionResult(rs.getLong(1), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                store, from, to, store, jobExecutionId, store, store, store);
    }
}
