package com.nightshift.rollup.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import com.nightshift.rollup.RollupGrain;

/** A validated rollup API request: which grain, which store, which business dates (both included). */
record RollupQuery(RollupGrain grain, String store, LocalDate from, LocalDate to) {

    /**
     * @throws InvalidRollupRequestException naming the first parameter that is missing or wrong
     */
    static RollupQuery parse(String grain, String store, String from, String to, int maxRangeDays) {
        RollupGrain rollupGrain = RollupGrain.byPath(grain).orElseThrow(() -> new InvalidRollupRequestException(
                "grain", "is unknown: '" + grain + "'; expected store-daily, store-product-daily or store-channel-daily"));
        if (store == null || store.isBlank()) {
            throw new InvalidRollupRequestException("store", "is required");
        }
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start.isAfter(end)) {
            throw new InvalidRollupRequestException("from", "(" + start + ") is after 'to' (" + end + ")");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > maxRangeDays) {
            throw new InvalidRollupRequestException("to", "makes the range " + days
                    + " days long; a request may span at most " + maxRangeDays + " days");
        }
        return new RollupQuery(rollupGrain, store, start, end);
    }

    private static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRollupRequestException(parameter, "is required, as yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRollupRequestException(parameter, "is not a date: '" + value + "'; expected yyyy-MM-dd");
        }
    }
}
