package com.nightshift.rollup.job;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;

import com.nightshift.job.JobDescription;
import com.nightshift.job.ParameterDescription;

/**
 * A rollup run's parameters, read and checked: {@code mode=full|incremental} (default full), and for full
 * runs {@code from} and {@code to} as yyyy-MM-dd (default: yesterday, in the chain's zone; {@code from} alone
 * runs until yesterday, {@code to} alone is one day). {@link #DESCRIPTION} says the same as data.
 */
public record RollupRequest(RollupMode mode, LocalDate from, LocalDate to) {

    private static final String MODE = "mode";
    private static final String FROM = "from";
    private static final String TO = "to";

    /** The rollup job and its parameters, for help, the command line's checks and the API. */
    public static final JobDescription DESCRIPTION = new JobDescription(RollupJobConfiguration.JOB,
            "Precompute store, product and channel figures per business day from the orders table.", List.of(
            ParameterDescription.choice(MODE, "full", "full recomputes every store-day from 'from' to 'to'; "
                    + "incremental exactly the store-days whose lines changed since the last incremental run",
                    "full", "incremental"),
            ParameterDescription.date(FROM, "yesterday", "first business date of a full run (given alone: "
                    + "until yesterday, in the chain's zone)"),
            ParameterDescription.date(TO, "yesterday", "last business date of a full run (given alone: that "
                    + "day only)")));

    /**
     * Reads parameters that {@link #DESCRIPTION} has checked, and checks what depends on the date and settings.
     */
    static RollupRequest of(Map<String, String> parameters, LocalDate yesterday, int maxRangeDays)
            throws InvalidJobParametersException {
        RollupMode mode = RollupMode.valueOf(parameters.getOrDefault(MODE, "full").toUpperCase(Locale.ROOT));
        String fromText = parameters.get(FROM);
        String toText = parameters.get(TO);
        if (mode == RollupMode.INCREMENTAL) {
            if (fromText != null || toText != null) {
                throw new InvalidJobParametersException(
                        "from and to apply to mode=full only; mode=incremental finds its own store-days");
            }
            return new RollupRequest(mode, null, null);
        }
        // from alone means "from then until yesterday"; to alone means that one day
        LocalDate to = toText != null ? LocalDate.parse(toText) : yesterday;
        LocalDate from = fromText != null ? LocalDate.parse(fromText) : toText != null ? to : yesterday;
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
}
