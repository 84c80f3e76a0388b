package com.nightshift.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rollups computed independently of the job, straight from the orders table with plain GROUP BYs, and
 * compared with what the job wrote. Written from the semantics in the issue, not from the job's SQL.
 */
public final class ExpectedRollups {

    private static final String COUNTABLE = """
            SELECT * FROM orders
            WHERE store_name IS NOT NULL AND trim(store_name) <> '' AND order_date IS NOT NULL
              AND status IN ('completed', 'refunded')
              AND coalesce(trim(order_no), '') <> '' AND coalesce(trim(product_name), '') <> ''
              AND coalesce(trim(channel), '') <> '' AND amount IS NOT NULL AND quantity IS NOT NULL
              AND NOT (status = 'completed' AND (quantity <= 0 OR amount < 0))
              AND NOT (status = 'refunded' AND amount > 0)
            """;

    private static final String STORE_DAILY = """
            WITH countable AS (%s)
            SELECT store_name COLLATE "C", order_date, count(DISTINCT order_no)::int, count(*)::int,
                   sum(quantity) FILTER (WHERE status = 'completed'),
                   coalesce(sum(amount) FILTER (WHERE status = 'completed'), 0),
                   coalesce(-sum(amount) FILTER (WHERE status = 'refunded'), 0),
                   coalesce(sum(amount), 0)
            FROM countable GROUP BY 1, 2
            """.formatted(COUNTABLE);

    private static final String STORE_DETAIL_DAILY = """
            WITH countable AS (%s)
            SELECT store_name COLLATE "C", order_date, %s COLLATE "C", count(DISTINCT order_no)::int,
                   sum(quantity) FILTER (WHERE status = 'completed'),
                   coalesce(sum(amount) FILTER (WHERE status = 'completed'), 0),
                   coalesce(-sum(amount) FILTER (WHERE status = 'refunded'), 0),
                   coalesce(sum(amount), 0)
            FROM countable GROUP BY 1, 2, 3
            """;

    private final JdbcTemplate jdbc;

    public ExpectedRollups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows that differ between the job's tables and the independent computation, both ways; 0 when equal. */
    public long differences() {
        return differences(STORE_DAILY, """
                SELECT store_name, business_date, orders, lines, nullif(quantity, 0), gross_amount, refund_amount,
                       net_amount FROM rollup_store_daily""")
                + differences(STORE_DETAIL_DAILY.formatted(COUNTABLE, "product_name"), """
                SELECT store_name, business_date, product_name, orders, nullif(quantity, 0), gross_amount,
                       refund_amount, net_amount FROM rollup_store_product_daily""")
                + differences(STORE_DETAIL_DAILY.formatted(COUNTABLE, "channel"), """
                SELECT store_name, business_date, channel, orders, nullif(quantity, 0), gross_amount,
                       refund_amount, net_amount FROM rollup_store_channel_daily""");
    }

    private long differences(String expected, String actual) {
        String e = "SELECT * FROM (" + expected + ") e";
        String a = "SELECT * FROM (" + actual + ") a";
        return jdbc.queryForObject("SELECT count(*) FROM ((" + e + " EXCEPT " + a + ") UNION ALL (" + a
                + " EXCEPT " + e + ")) d", Long.class);
    }
}
