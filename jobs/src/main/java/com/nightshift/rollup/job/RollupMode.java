package com.nightshift.rollup.job;

/** What a rollup run recomputes. */
enum RollupMode {
    /** Every store-day in a date range. */
    FULL,
    /** Exactly the store-days whose order lines changed since the last incremental run. */
    INCREMENTAL
}
