package com.nightshift.reports.job;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.nightshift.reports.DataAsOf;
import com.nightshift.rollup.sql.ChangedStoreDays;

/**
 * Whether store-days' rollups are complete: a store-day is complete when its rollup state's snapshot sees every
 * change noted for it in {@code orders_changed_keys}, or when it has neither lines nor notes (nothing to roll
 * up). A note of a transaction still open is not a committed change yet and is not visible here.
 */
@Repository
class StaleStoreDays {

    private static final String CANDIDATES = """
            WITH candidate AS (
                SELECT s AS store_name, d AS business_date FROM unnest(?::text[]) s CROSS JOIN unnest(?::date[]) d)
            """;

    private static final String STALE = CANDIDATES + """
            SELECT c.store_name, c.business_date, st.snapshot IS NOT NULL AS rolled_up
            FROM candidate c
            LEFT JOIN rollup_store_day_state st
                ON st.store_name = c.store_name AND st.business_date = c.business_date
            WHERE CASE WHEN st.snapshot IS NULL THEN
                      EXISTS (SELECT 1 FROM orders o
                              WHERE o.store_name = c.store_name AND o.order_date = c.business_date)
                      OR EXISTS (SELECT 1 FROM orders_changed_keys k
                                 WHERE k.store_name = c.store_name AND k.order_date = c.business_date)
                  ELSE EXISTS (SELECT 1 FROM orders_changed_keys k
                               WHERE k.store_name = c.store_name AND k.order_date = c.business_date
                                 AND NOT pg_visible_in_snapshot(k.xid, st.snapshot))
                  END
            ORDER BY 2, 1
            """;

    private static final String OLDEST = CANDIDATES + """
            SELECT st.rolled_up_at, st.job_execution_id
            FROM candidate c JOIN rollup_store_day_state st
                ON st.store_name = c.store_name AND st.business_date = c.business_date
            ORDER BY st.rolled_up_at, st.job_execution_id LIMIT 1
            """;

    private final JdbcTemplate jdbc;
    private final ChangedStoreDays changed;

    StaleStoreDays(JdbcTemplate jdbc, ChangedStoreDays changed) {
        this.jdbc = jdbc;
        this.changed = changed;
    }

    /** The store-days among these whose figures are not complete, in date and store order. */
    List<StaleStoreDay> among(PlannedReport.StoreDays storeDays) {
        return jdbc.query(STALE, (rs, row) -> new StaleStoreDay(rs.getString(1), rs.getObject(2, LocalDate.class),
                rs.getBoolean(3)), stores(storeDays), dates(storeDays));
    }

    /**
     * The oldest rollup state among these store-days; when none has one (no lines, no changes: nothing to roll
     * up), {@code now} and execution 0.
     */
    DataAsOf asOf(PlannedReport.StoreDays storeDays, OffsetDateTime now) {
        return jdbc.query(OLDEST, (rs, row) -> new DataAsOf(rs.getObject(1, OffsetDateTime.class), rs.getLong(2)),
                stores(storeDays), dates(storeDays)).stream().findFirst().orElse(new DataAsOf(now, 0));
    }

    /** The chain's report covers every store with lines, changes or a rollup state in its dates. */
    private String[] stores(PlannedReport.StoreDays storeDays) {
        if (storeDays.stores() != null) {
            return storeDays.stores().toArray(String[]::new);
        }
        LocalDate first = storeDays.dates().stream().min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = storeDays.dates().stream().max(Comparator.naturalOrder()).orElseThrow();
        TreeSet<String> stores = new TreeSet<>(changed.storesFor(first, last));
        stores.addAll(jdbc.queryForList("""
                SELECT store_name FROM orders_changed_keys WHERE order_date BETWEEN ? AND ? AND store_name IS NOT NULL
                UNION SELECT store_name FROM rollup_store_day_state WHERE business_date BETWEEN ? AND ?
                """, String.class, first, last, first, last));
        return stores.toArray(String[]::new);
    }

    private static String[] dates(PlannedReport.StoreDays storeDays) {
        return storeDays.dates().stream().map(LocalDate::toString).toArray(String[]::new);
    }

    /** @param rolledUp whether it has a rollup state at all (else only a full rollup of its date gives it one) */
    record StaleStoreDay(String store, LocalDate date, boolean rolledUp) {
    }
}
