package com.nightshift.rollup;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One unit of rollup work: a store and a range of business dates, recomputed and committed as a whole.
 */
public record RollupPartition(String store, LocalDate from, LocalDate to) {

    public RollupPartition {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("partition of " + store + " starts " + from + ", after its end " + to);
        }
    }
}
