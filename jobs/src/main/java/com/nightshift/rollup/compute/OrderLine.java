package com.nightshift.rollup.compute;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One order line as a partition reads it. Every column but the id and the date may be NULL: a chain's legacy
 * table may lack the NOT NULL constraints, and such lines must reach the quarantine rather than fail the run.
 */
public record OrderLine(long id, LocalDate date, String orderNo, String product, String channel, String status,
                 Integer quantity, BigDecimal amount) {

    private static final String COMPLETED = "completed";
    private static final String REFUNDED = "refunded";
    private static final String CANCELLED = "cancelled";

    boolean completed() {
        return COMPLETED.equals(status);
    }

    boolean refunded() {
        return REFUNDED.equals(status);
    }

    boolean cancelled() {
        return CANCELLED.equals(status);
    }
}
