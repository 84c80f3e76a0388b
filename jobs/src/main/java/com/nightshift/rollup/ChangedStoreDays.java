package com.nightshift.rollup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which store-days need rolling up: for a full run, every store over the range; for an incremental run, the
 * store-days of lines inserted or changed in a window of {@code updated_at}, and those that lost a line.
 */
@Repository
public class ChangedStoreDays {

    private final JdbcTemplate jdbc;

    public ChangedStoreDays(JdbcTemplate jdbc) {
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
     * Store-days changed in {@code [changedFrom, changedBefore)}, in store and date order.
     *
     * @param changedFrom empty for "since the beginning"
     */
    public List<StoreDay> changedBetween(OffsetDateTime changedFrom, OffsetDateTime changedBefore) {
        OffsetDateTime from = changedFrom != null ? changedFrom : OffsetDateTime.parse("1970-01-01T00:00Z");
        return jdbc.query("""
                SELECT store_name, order_date FROM orders
                WHERE updated_at >= ? AND updated_at < ? AND store_name IS NOT NULL AND order_date IS NOT NULL
                UNION
                SELECT store_name, order_date FROM orders_vanished_keys
                WHERE changed_at >= ? AND changed_at < ? AND store_name IS NOT NULL AND order_date IS NOT NULL
                ORDER BY 1, 2
                """, (rs, row) -> new StoreDay(rs.getString(1), rs.getObject(2, LocalDate.class)),
                from, changedBefore, from, changedBefore);
    }

    public record StoreDay(String store, LocalDate date) {
    }
}
