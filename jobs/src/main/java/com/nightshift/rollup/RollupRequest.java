package com.nightshift.rollup;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParameter;

/**
 * A rollup run's parameters, read and checked: {@code mode=full|incremental} (default full), and for full
 * runs {@code from} and {@code to} as YYYY-MM-DD (default: yesterday, in the chain's zone; {@code from} alone
 * runs until yesterday, {@code to} alone is one day).
 */
public record RollupRequest(RollupMode mode, LocalDate from, LocalDate to) {

    static final String MODE = "mode";
    static final String FROM = "from";
    static final String TO = "to";
    private static final Set<String> KNOWN = Set.of(MODE, FROM, TO, "run.id");

    public static RollupRequest of(JobParameters parameters, LocalDate yesterday, int maxRangeDays)
            throws InvalidJobParametersException {
        for (JobParameter<?> parameter : parameters) {
            if (!KNOWN.contains(parameter.name())) {
                throw new InvalidJobParametersException("unknown rollup parameter '" + parameter.name()
                        + "'; rollup takes mode=full|incremental, from=YYYY-MM-DD, to=YYYY-MM-DD");
            }
        }
        RollupMode mode = mode(parameters.getString(MODE));
        String fromText = parameters.getString(FROM);
        String toText = parameters.getString(TO);
        if (mode == RollupMode.INCREMENTAL) {
            if (fromText != null || toText != null) {
                throw new InvalidJobParametersException(
                        "from and to apply to mode=full only; mode=incremental finds its own store-days");
            }
            return new RollupRequest(mode, null, null);
        }
        // from alone means "from then until yesterday"; to alone means that one day
        LocalDate to = date(TO, toText, yesterday);
        LocalDate from = date(FROM, fromText, toText != null ? to : yesterday);
        if (from.isAfter(to)) {
            throw new InvalidJobParametersException("from (" + from + ") is after to (" + to + ")");
        }
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        if (days > maxRangeDays) {
            throw new InvalidJobParametersException("the range " + from + " to " + to + " is " + days
                    + " days; at most " + maxRangeDays + " are allowed (nightshift.rollup.max-range-days)");
        }
        return new RollupRequest(mode, from, to);
    }

    private static RollupMode mode(String text) throws InvalidJobParametersException {
        if (text == null) {
            return RollupMode.FULL;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "full" -> RollupMode.FULL;
            case "incremental" -> RollupMode.INCREMENTAL;
            default -> throw new InvalidJobParametersException(
                    "parameter 'mode' must be full or incremental, was '" + text + "'");
        };
    }

    private static LocalDate date(String name, String text, LocalDate fallback) throws InvalidJobParametersException {
        if (text == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidJobParametersException(
                    "parameter '" + name + "' must be a date YYYY-MM-DD, was '" + text + "'");
        }
    }
}
