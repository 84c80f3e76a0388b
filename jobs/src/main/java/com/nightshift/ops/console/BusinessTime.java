package com.nightshift.ops.console;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Component;

import com.nightshift.config.NightshiftProperties;

/**
 * Times as the chain's staff read them: in the business zone ({@code nightshift.zone}), whatever the server's, to
 * the second, without the offset (the page says which zone once).
 */
@Component
class BusinessTime {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    BusinessTime(NightshiftProperties properties) {
        this.zone = properties.zone();
    }

    ZoneId zone() {
        return zone;
    }

    /** The time in the business zone; empty for a time that has not come (an end not reached). */
    String format(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(READABLE);
    }

    String format(Instant time) {
        return time == null ? "" : time.atZone(zone).format(READABLE);
    }

    /** A time kept as ISO text (a schedule's fire time in a run's notes), or the text itself if it is not one. */
    String format(String isoTime) {
        if (isoTime == null) {
            return "";
        }
        try {
            return format(OffsetDateTime.parse(isoTime));
        } catch (DateTimeParseException e) {
            return isoTime;
        }
    }
}
