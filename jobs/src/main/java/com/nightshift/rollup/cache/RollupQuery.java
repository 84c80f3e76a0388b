package com.nightshift.rollup.cache;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.nightshift.rollup.RollupGrain;

/** A validated rollup API request: which grain, which store, which business dates. */
record RollupQuery(RollupGrain grain, String store, DateRange dates) {

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
        DateRange dates = new DateRange(start, end);
        if (dates.lengthInDays() > maxRangeDays) {
            throw new InvalidRollupRequestException("to", "makes the range " + dates.lengthInDays()
                    + " days long; a request may span at most " + maxRangeDays + " days");
        }
        return new RollupQuery(rollupGrain, store, dates);
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
