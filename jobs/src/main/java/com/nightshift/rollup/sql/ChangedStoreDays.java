package com.nightshift.rollup.sql;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import com.nightshift.rollup.sql.Watermark.Position;

/**
 * Which store-days need rolling up: for a full run, every store over the range; for an incremental run, the
 * store-days that the transactions between two snapshots inserted, changed, moved or deleted lines of, as the
 * triggers on {@code orders} noted them in {@code orders_changed_keys}.
 */
@Repository
public class ChangedStoreDays {

    private static final RowMapper<StoreDay> STORE_DAY =
            (rs, row) -> new StoreDay(rs.getString(1), rs.getObject(2, LocalDate.class));

    private final JdbcTemplate jdbc;

    ChangedStoreDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every store that has lines, or had rollups in the range (its lines may all have gone). The store list
     * is read with a loose index scan: one index probe per store instead of a pass over all lines.
     */
    public List<String> storesFor(LocalDate from, LocalDate to) {
        return jdbc.queryForList("""
                WITH RECURSIVE stores(store_name) AS (
                    (SELECT store_name FROM orders WHERE store_name IS NOT NULL ORDER BY store_name LIMIT 1)
                    UNION ALL
                    SELECT (SELECT o.store_name FROM orders o WHERE o.store_name > s.store_name
                            ORDER BY o.store_name LIMIT 1)
                    FROM stores s WHERE s.store_name IS NOT NULL)
                SELECT store_name FROM stores WHERE store_name IS NOT NULL
                UNION
                SELECT DISTINCT store_name FROM rollup_store_daily WHERE business_date BETWEEN ? AND ?
                ORDER BY 1
                """, String.class, from, to);
    }

    /**
     * Store-days changed by the transactions that {@code until} sees as finished and {@code since} did not, in
     * store and date order. Such a transaction had committed when {@code until} was taken, so its notes are
     * visible to this query however late it runs: a restarted run finds the same store-days.
     *
     * @param since null for the first incremental run: then every store-day that has lines, and every one
     *              that lost lines since the change log exists
     */
    public List<StoreDay> changedBetween(Position since, Position until) {
        if (since == null) {
            return jdbc.query("""
                    SELECT store_name, order_date FROM orders
                    WHERE store_name IS NOT NULL AND order_date IS NOT NULL
                    UNION
                    SELECT store_name, order_date FROM orders_changed_keys
                    WHERE xid < pg_snapshot_xmax(?::pg_snapshot) AND pg_visible_in_snapshot(xid, ?::pg_snapshot)
                      AND store_name IS NOT NULL AND order_date IS NOT NULL
                    ORDER BY 1, 2
                    """, STORE_DAY, until.snapshot(), until.snapshot());
        }
        // the bounds let the xid index skip the notes older than since's oldest open transaction, all seen by both
        return jdbc.query("""
                SELECT DISTINCT store_name, order_date FROM orders_changed_keys
                WHERE xid >= pg_snapshot_xmin(?::pg_snapshot) AND xid < pg_snapshot_xmax(?::pg_snapshot)
                  AND pg_visible_in_snapshot(xid, ?::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, ?::pg_snapshot)
                  AND store_name IS NOT NULL AND order_date IS NOT NULL
                ORDER BY 1, 2
                """, STORE_DAY, since.snapshot(), until.snapshot(), until.snapshot(), since.snapshot());
    }

    public record StoreDay(String store, LocalDate date) {
    }
}
