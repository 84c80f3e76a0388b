package com.nightshift.rollup.cache;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.nightshift.rollup.RollupGrain;

/** The unit of caching: one store's rows of one grain for one business date (possibly none). */
record RollupDay(RollupGrain grain, String store, LocalDate businessDate) {

    /** One entry per date of {@code dates}, in date order. */
    static List<RollupDay> of(RollupGrain grain, String store, DateRange dates) {
        return dates.dates().stream().map(date -> new RollupDay(grain, store, date)).toList();
    }

    /** Every grain's entry for every date of {@code dates}. */
    static List<RollupDay> ofAllGrains(String store, DateRange dates) {
        return Arrays.stream(RollupGrain.values()).flatMap(grain -> of(grain, store, dates).stream()).toList();
    }
}
