package com.nightshift.maintenance;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

/** Tables really left with dead rows, and their counts as PostgreSQL's statistics report them. */
final class BloatedTables {

    /** Statistics reach other sessions within a second or so; a loaded machine gets more. */
    private static final Duration STATISTICS = Duration.ofSeconds(20);

    private BloatedTables() {
    }

    /**
     * A table of 20,000 rows with 18,000 deleted, autovacuum off for it (so only the test's vacuum reclaims them),
     * returned once the statistics count them.
     */
    static void create(JdbcTemplate owner, String table) {
        owner.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, pad text) WITH (autovacuum_enabled = false)");
        owner.update("INSERT INTO " + table + " SELECT g, repeat('x', 50) FROM generate_series(1, 20000) g");
        owner.update("DELETE FROM " + table + " WHERE id % 10 <> 0");
        awaitDeadRows(owner, table, 18_000);
    }

    static long deadRows(JdbcTemplate owner, String table) {
        return owner.queryForObject("SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = ?", Long.class,
                table);
    }

    static void awaitDeadRows(JdbcTemplate owner, String table, long expected) {
        await().atMost(STATISTICS).until(() -> deadRows(owner, table) == expected);
    }
}
