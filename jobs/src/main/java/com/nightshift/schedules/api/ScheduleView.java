package com.nightshift.schedules.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.nightshift.schedules.FireRecord;
import com.nightshift.schedules.ScheduleDefinition;
import com.nightshift.schedules.ScheduleStatus;

/** A schedule as {@code GET /api/schedules} shows it. */
record ScheduleView(String name, String job, String cron, String zone, Map<String, String> parameters,
                    String misfire, int catchUpLimit, boolean enabled, String file, String state,
                    PreviousFire previousFire, List<FireTime> nextFires) {

    /** The schedule's latest fire: when, why, how it ended and the run it started. */
    record PreviousFire(FireTime time, String kind, String outcome, Long executionId, String message) {

        static PreviousFire of(FireRecord record, ScheduleDefinition definition) {
            return new PreviousFire(FireTime.of(record.fireTime(), definition.zone()), record.kind().name(),
                    record.outcome().name(), record.executionId(), record.message());
        }
    }

    static ScheduleView of(ScheduleStatus status) {
        ScheduleDefinition definition = status.definition();
        return new ScheduleView(definition.name(), definition.job(), definition.cron(), definition.zone().getId(),
                new TreeMap<>(definition.parameters()), definition.misfire().name(), definition.catchUpLimit(),
                definition.enabled(), definition.file(), status.state().name(),
                status.previous().map(record -> PreviousFire.of(record, definition)).orElse(null),
                status.nextFires().stream().map(fire -> FireTime.of(fire, definition.zone())).toList());
    }
}
