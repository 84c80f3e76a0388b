package com.nightshift.rollup.compute;

import java.math.BigDecimal;

/**
 * Decides why an order line cannot be counted. The rules match the checks the schema puts on new tables; they
 * are applied here as well because a chain's existing table may hold lines from before those checks. A
 * cancelled line counts nowhere, so it needs no more than a store and a known status. An amount finer than a
 * cent is refused rather than rounded, so that every rollup is the exact sum of the lines it counts.
 */
final class LineProblem {

    /** The largest amount the schema's numeric(12,2) allows; a legacy column may hold more. */
    private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("9999999999.99");

    private LineProblem() {
    }

    /** The reason the line of this store cannot be counted, or {@code null} when it can. */
    static String of(String store, OrderLine line) {
        if (blank(store)) {
            return "missing store name";
        }
        String status = line.status();
        if (status == null) {
            return "missing status";
        }
        if (!line.completed() && !line.refunded() && !line.cancelled()) {
            return "unknown status '" + status + "'";
        }
        if (line.cancelled()) {
            return null;
        }
        if (blank(line.orderNo())) {
            return "missing order number";
        }
        if (blank(line.product())) {
            return "missing product name";
        }
        if (blank(line.channel())) {
            return "missing channel";
        }
        if (line.amount() == null) {
            return "missing amount";
        }
        if (line.quantity() == null) {
            return "missing quantity";
        }
        if (line.completed() && line.quantity() <= 0) {
            return "quantity " + line.quantity() + " on a completed line";
        }
        if (line.completed() && line.amount().signum() < 0) {
            return "negative amount on a completed line";
        }
        if (line.refunded() && line.amount().signum() > 0) {
            return "positive amount on a refunded line";
        }
        if (line.amount().abs().compareTo(LARGEST_AMOUNT) > 0) {
            return "amount " + line.amount().toPlainString() + " is larger than an order line can be";
        }
        if (line.amount().stripTrailingZeros().scale() > 2) {
            return "amount " + line.amount().toPlainString() + " has fractions of a cent";
        }
        return null;
    }

    /** Blank as the schema's checks see it: PostgreSQL's btrim removes spaces only. */
    private static boolean blank(String value) {
        if (value == null) {
            return true;
        }
        // A loop, not chars().allMatch(): this runs for every line of a full rollup, and the stream showed.
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }
}
