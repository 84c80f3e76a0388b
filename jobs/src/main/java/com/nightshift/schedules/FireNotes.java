package com.nightshift.schedules;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The notes a scheduled run carries (non-identifying parameters, shown in its history): which schedule started
 * it, for which fire time and why.
 */
final class FireNotes {

    static final String SCHEDULE = "schedule";
    /** The fire time as an ISO offset date-time in the schedule's zone. */
    static final String FIRE = "schedule.fire";
    static final String KIND = "schedule.kind";
    /** For the fire after a skip: how many fires were skipped before it. */
    static final String SKIPPED = "schedule.skipped";

    private FireNotes() {
    }

    static Map<String, String> of(String schedule, Instant fire, ZoneId zone, FireKind kind) {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put(SCHEDULE, schedule);
        notes.put(FIRE, fireNote(fire, zone));
        notes.put(KIND, kind.name());
        return notes;
    }

    static String fireNote(Instant fire, ZoneId zone) {
        return fire.atZone(zone).toOffsetDateTime().toString();
    }
}
