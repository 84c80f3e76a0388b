package com.nightshift.rollup.cache;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One store's business dates from {@code from} to {@code to}, both included, as the rollup job commits them.
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

    DateRange dates() {
        return new DateRange(from, to);
    }

    @Override
    public String toString() {
        return store + " " + from + ".." + to;
    }
}
