package com.nightshift.rollup;

import java.time.LocalDate;
import java.util.List;

/** The rows a rollup partition has just committed, handed to the cache so that it need not read them back. */
@FunctionalInterface
public interface CommittedRows {

    /** The partition's rows of one grain from {@code from} to {@code to}, both included. */
    List<RollupRow> between(RollupGrain grain, LocalDate from, LocalDate to);
}
