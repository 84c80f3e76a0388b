package com.nightshift.job;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.nightshift.calendar.IsoWeek;

/**
 * One parameter of a job, as given on the command line ({@code name=value}) or in the API's JSON body.
 *
 * @param name          its name
 * @param type          what its value must be
 * @param defaultValue  what applies when it is not given, in words (e.g. {@code yesterday})
 * @param description   what it means, in one sentence
 * @param allowedValues for {@link Type#CHOICE}, the values it accepts (case-insensitive); empty otherwise
 */
public record ParameterDescription(String name, Type type, String defaultValue, String description,
                                   List<String> allowedValues) {

    /** The kinds of value a parameter takes. */
    public enum Type {
        /** One of {@link #allowedValues()}. */
        CHOICE(null),
        /** A calendar date. */
        DATE("yyyy-MM-dd"),
        /** An ISO week, such as 2026-W48. */
        WEEK("YYYY-Www"),
        /** A name, such as a store's; the job checks it against what exists. */
        TEXT("NAME");

        private final String format;

        Type(String format) {
            this.format = format;
        }

        /** How a value of this type is written, or null when the allowed values say it. */
        public String format() {
            return format;
        }
    }

    public ParameterDescription {
        allowedValues = List.copyOf(allowedValues);
        if ((type == Type.CHOICE) == allowedValues.isEmpty()) {
            throw new IllegalArgumentException("parameter '" + name + "': a choice, and only a choice, lists its values");
        }
    }

    public static ParameterDescription choice(String name, String defaultValue, String description,
                                              String... allowedValues) {
        return new ParameterDescription(name, Type.CHOICE, defaultValue, description, List.of(allowedValues));
    }

    public static ParameterDescription date(String name, String defaultValue, String description) {
        return new ParameterDescription(name, Type.DATE, defaultValue, description, List.of());
    }

    public static ParameterDescription week(String name, String defaultValue, String description) {
        return new ParameterDescription(name, Type.WEEK, defaultValue, description, List.of());
    }

    public static ParameterDescription text(String name, String defaultValue, String description) {
        return new ParameterDescription(name, Type.TEXT, defaultValue, description, List.of());
    }

    /** How the value is written: {@code full|incremental}, {@code yyyy-MM-dd}. */
    public String valueForm() {
        return type == Type.CHOICE ? String.join("|", allowedValues) : type.format();
    }

    /** What is wrong with {@code value} for this parameter, if anything, in one sentence naming it. */
    public Optional<String> problemWith(String value) {
        return switch (type) {
            case CHOICE -> allowedValues.contains(value.toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of("parameter '" + name + "' must be " + String.join(" or ", allowedValues)
                            + ", was '" + value + "'");
            case DATE -> isDate(value) ? Optional.empty()
                    : Optional.of("parameter '" + name + "' must be a date " + type.format() + ", was '" + value + "'");
            case WEEK -> IsoWeek.parse(value).isPresent() ? Optional.empty()
                    : Optional.of("parameter '" + name + "' must be an ISO week such as 2026-W48, was '" + value + "'");
            case TEXT -> value.isBlank() ? Optional.of("parameter '" + name + "' is empty") : Optional.empty();
        };
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
