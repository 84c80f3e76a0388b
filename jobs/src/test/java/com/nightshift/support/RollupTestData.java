package com.nightshift.support;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rollup rows written straight into the rollup tables, the way the rollup job leaves them, and a clean slate
 * (empty rollup tables, empty Redis) between tests.
 *
 * <pre>{@code
 * rollups.storeDaily("北京朝阳店", day).orders(12).lines(30).quantity(41).gross("1234.56").refund("12.30").insert();
 * }</pre>
 */
public final class RollupTestData {

    private final JdbcTemplate jdbc;
    private final RedisConnectionFactory redis;

    public RollupTestData(JdbcTemplate jdbc, RedisConnectionFactory redis) {
        this.jdbc = jdbc;
        this.redis = redis;
    }

    /** Empties the three rollup tables and Redis. */
    public void clear() {
        jdbc.execute("TRUNCATE rollup_store_daily, rollup_store_product_daily, rollup_store_channel_daily, "
                + "rollup_cache_repair");
        try (RedisConnection connection = redis.getConnection()) {
            connection.serverCommands().flushAll();
        }
    }

    public Row storeDaily(String store, LocalDate businessDate) {
        return new Row("rollup_store_daily", null, store, businessDate, null);
    }

    public Row storeProductDaily(String store, LocalDate businessDate, String product) {
        return new Row("rollup_store_product_daily", "product_name", store, businessDate, product);
    }

    public Row storeChannelDaily(String store, LocalDate businessDate, String channel) {
        return new Row("rollup_store_channel_daily", "channel", store, businessDate, channel);
    }

    /** One rollup row; every figure defaults to 1 order, 1 line, quantity 1, 10.00 gross, no refund. */
    public final class Row {

        private final String table;
        private final String detailColumn;
        private final String store;
        private final LocalDate businessDate;
        private final String detail;
        private int orders = 1;
        private int lines = 1;
        private long quantity = 1;
        private BigDecimal gross = new BigDecimal("10.00");
        private BigDecimal refund = new BigDecimal("0.00");

        private Row(String table, String detailColumn, String store, LocalDate businessDate, String detail) {
            this.table = table;
            this.detailColumn = detailColumn;
            this.store = store;
            this.businessDate = businessDate;
            this.detail = detail;
        }

        public Row orders(int value) {
            orders = value;
            return this;
        }

        /** Only the store-daily rollup has a line count; the others ignore it. */
        public Row lines(int value) {
            lines = value;
            return this;
        }

        public Row quantity(long value) {
            quantity = value;
            return this;
        }

        public Row gross(String amount) {
            gross = new BigDecimal(amount);
            return this;
        }

        public Row refund(String amount) {
            refund = new BigDecimal(amount);
            return this;
        }

        /** Inserts the row, with net amount = gross - refund. */
        public void insert() {
            BigDecimal net = gross.subtract(refund);
            if (detailColumn == null) {
                jdbc.update("INSERT INTO " + table + " (store_name, business_date, orders, lines, quantity,"
                        + " gross_amount, refund_amount, net_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        store, businessDate, orders, lines, quantity, gross, refund, net);
            } else {
                jdbc.update("INSERT INTO " + table + " (store_name, business_date, " + detailColumn + ", orders,"
                        + " quantity, gross_amount, refund_amount, net_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        store, businessDate, detail, orders, quantity, gross, refund, net);
            }
        }
    }
}
