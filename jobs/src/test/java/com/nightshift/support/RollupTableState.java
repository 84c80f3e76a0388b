package com.nightshift.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empties and reads the tables the rollup job works on. */
public final class RollupTableState {

    private RollupTableState() {
    }

    public static void clear(JdbcTemplate jdbc) {
        jdbc.execute("TRUNCATE orders, rollup_store_daily, rollup_store_product_daily, rollup_store_channel_daily, "
                + "rollup_quarantine, rollup_watermark, orders_changed_keys RESTART IDENTITY");
        // The outbox's ids must never go back: Redis keeps the last one applied per store and refuses older ones.
        jdbc.execute("TRUNCATE rollup_cache_repair CONTINUE IDENTITY");
        jdbc.execute("ALTER TABLE orders ALTER COLUMN store_name SET NOT NULL");
    }

    /** Every rollup row of the three tables, in key order, to compare two states. */
    public static List<Map<String, Object>> snapshot(JdbcTemplate jdbc) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(jdbc.queryForList("SELECT * FROM rollup_store_daily ORDER BY 1, 2"));
        rows.addAll(jdbc.queryForList("SELECT * FROM rollup_store_product_daily ORDER BY 1, 2, 3"));
        rows.addAll(jdbc.queryForList("SELECT * FROM rollup_store_channel_daily ORDER BY 1, 2, 3"));
        rows.addAll(jdbc.queryForList("SELECT order_line_id, reason FROM rollup_quarantine ORDER BY 1"));
        return rows;
    }
}
