package com.nightshift.rollup.compute;

import java.time.LocalDate;

/**
 * One row of a rollup table for a partition's store: {@code name} is the product or channel, or {@code null}
 * for the store's own daily row. Money is in cents, so sums are exact; net is gross minus refund.
 */
public record PartitionRow(LocalDate day, String name, long orders, long lines, long quantity, long grossCents,
                    long refundCents) {

    public long netCents() {
        return grossCents - refundCents;
    }
}
