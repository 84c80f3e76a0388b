package com.nightshift.ops.console;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A duration as a person says it: "2 分 5 秒", "1 h 3 min"; seconds are dropped once it takes hours. */
@Component
class HumanDuration {

    private final MessageSource messages;

    HumanDuration(MessageSource messages) {
        this.messages = messages;
    }

    /** Empty for a duration that is not known (a run that never started). */
    String format(Long millis, Locale locale) {
        if (millis == null) {
            return "";
        }
        if (millis < 1000) {
            return messages.getMessage("ops.duration.underASecond", null, locale);
        }
        long seconds = Math.round(millis / 1000.0);
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        if (hours > 0) {
            return messages.getMessage("ops.duration.hours", new Object[] {hours, minutes}, locale);
        }
        if (minutes > 0) {
            return messages.getMessage("ops.duration.minutes", new Object[] {minutes, seconds % 60}, locale);
        }
        return messages.getMessage("ops.duration.seconds", new Object[] {seconds}, locale);
    }
}
