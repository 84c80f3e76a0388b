package com.nightshift.schedules.console;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A Quartz cron in the reader's words where that is easy: every day, on some weekdays, or on a day of the month, at
 * one time ("每天 01:00"). Anything else (steps, lists of hours, last weekdays...) has no words, and the page shows
 * the cron as it is written, which it shows beside the words anyway.
 */
@Component
class CronWords {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");
    private static final String DAY = "(MON|TUE|WED|THU|FRI|SAT|SUN)";
    private static final Pattern WEEKDAYS = Pattern.compile(DAY + "(-" + DAY + ")?");

    private final MessageSource messages;

    CronWords(MessageSource messages) {
        this.messages = messages;
    }

    Optional<String> of(String cron, Locale locale) {
        String[] fields = cron.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (fields.length < 6 || fields.length > 7 || !fields[0].equals("0") || !NUMBER.matcher(fields[1]).matches()
                || !NUMBER.matcher(fields[2]).matches() || !fields[4].equals("*")
                || (fields.length == 7 && !fields[6].equals("*"))) {
            return Optional.empty();
        }
        String time = String.format("%02d:%02d", Integer.parseInt(fields[2]), Integer.parseInt(fields[1]));
        String dayOfMonth = fields[3];
        String dayOfWeek = fields[5];
        if (isAny(dayOfMonth) && isAny(dayOfWeek)) {
            return Optional.of(text(locale, "schedules.cron.daily", time));
        }
        if (dayOfMonth.equals("?") && WEEKDAYS.matcher(dayOfWeek).matches()) {
            String[] range = dayOfWeek.split("-");
            String days = range.length == 1 ? text(locale, "schedules.day." + range[0])
                    : text(locale, "schedules.days", text(locale, "schedules.day." + range[0]),
                    text(locale, "schedules.day." + range[1]));
            return Optional.of(text(locale, "schedules.cron.weekly", days, time));
        }
        if (NUMBER.matcher(dayOfMonth).matches() && dayOfWeek.equals("?")) {
            return Optional.of(text(locale, "schedules.cron.monthly", dayOfMonth, time));
        }
        return Optional.empty();
    }

    private static boolean isAny(String field) {
        return field.equals("*") || field.equals("?");
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
