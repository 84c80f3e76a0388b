package com.nightshift.rollup.cache;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.nightshift.rollup.RollupPartition;

/** Business dates from {@code from} to {@code to}, both included. */
record DateRange(LocalDate from, LocalDate to) {

    DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("date range starts " + from + ", after its end " + to);
        }
    }

    static DateRange of(RollupPartition partition) {
        return new DateRange(partition.from(), partition.to());
    }

    long lengthInDays() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    List<LocalDate> dates() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    /** The dates both ranges hold; empty when they do not overlap. */
    Optional<DateRange> intersection(DateRange other) {
        LocalDate start = from.isAfter(other.from) ? from : other.from;
        LocalDate end = to.isBefore(other.to) ? to : other.to;
        return start.isAfter(end) ? Optional.empty() : Optional.of(new DateRange(start, end));
    }
}
