package com.nightshift.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import picocli.CommandLine;

/** Reads an option's date, saying which form it must have rather than which Java exception it caused. */
final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {

    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date yyyy-MM-dd");
        }
    }
}
