package com.nightshift.support;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

/** Builds order lines for tests that need particular ones: {@code aLine().store("北京朝阳店").refunded().insert(jdbc)}. */
public final class OrderLineRows {

    private static long orderSequence;

    private String orderNo = "T-" + (++orderSequence);
    private String store = "北京朝阳店";
    private LocalDate date = LocalDate.of(2026, 11, 1);
    private String product = "招牌牛肉面";
    private String channel = "堂食";
    private int quantity = 1;
    private BigDecimal amount = new BigDecimal("32.50");
    private String status = "completed";

    public static OrderLineRows aLine() {
        return new OrderLineRows();
    }

    public OrderLineRows order(String orderNo) {
        this.orderNo = orderNo;
        return this;
    }

    public OrderLineRows store(String store) {
        this.store = store;
        return this;
    }

    public OrderLineRows on(LocalDate date) {
        this.date = date;
        return this;
    }

    public OrderLineRows product(String product) {
        this.product = product;
        return this;
    }

    public OrderLineRows channel(String channel) {
        this.channel = channel;
        return this;
    }

    public OrderLineRows quantity(int quantity) {
        this.quantity = quantity;
        return this;
    }

    public OrderLineRows amount(String amount) {
        this.amount = new BigDecimal(amount);
        return this;
    }

    /** A refund of this line's amount (stored negative). */
    public OrderLineRows refunded() {
        this.status = "refunded";
        this.amount = amount.abs().negate();
        return this;
    }

    public OrderLineRows cancelled() {
        this.status = "cancelled";
        return this;
    }

    public OrderLineRows status(String status) {
        this.status = status;
        return this;
    }

    /** Inserts the line and returns its id. */
    public long insert(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                INSERT INTO orders (order_no, store_name, order_date, ordered_at, product_name, channel, quantity,
                                    amount, status)
                VALUES (?, ?, ?, ?::date + time '12:00', ?, ?, ?, ?, ?) RETURNING id
                """, Long.class, orderNo, store, date, date, product, channel, quantity, amount, status);
    }

    /**
     * Inserts the line past the table's checks, as a chain's old system could have: the checks are NOT VALID,
     * so they are dropped for the insert and added back, leaving the dirty row in place.
     */
    public long insertDirty(JdbcTemplate jdbc) {
        var checks = jdbc.queryForList("""
                SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = 'orders'::regclass AND contype = 'c'
                """);
        checks.forEach(check -> jdbc.execute("ALTER TABLE orders DROP CONSTRAINT " + check.get("conname")));
        if (store == null) {
            // RollupTables.clear puts the NOT NULL back once the table is empty again
            jdbc.execute("ALTER TABLE orders ALTER COLUMN store_name DROP NOT NULL");
        }
        try {
            return jdbc.queryForObject("""
                    INSERT INTO orders (order_no, store_name, order_date, ordered_at, product_name, channel, quantity,
                                        amount, status)
                    VALUES (?, ?, ?, now(), ?, ?, ?, ?, ?) RETURNING id
                    """, Long.class, orderNo, store, date, product, channel, quantity, amount, status);
        } finally {
            checks.forEach(check -> jdbc.execute("ALTER TABLE orders ADD CONSTRAINT " + check.get("conname") + " "
                    + check.get("pg_get_constraintdef").toString().replace(" NOT VALID", "") + " NOT VALID"));
        }
    }
}
