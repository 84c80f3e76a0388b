package com.nightshift.schedules.console;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.nightshift.audit.OperatorAction;
import com.nightshift.schedules.FireRecord;
import com.nightshift.schedules.ScheduleDefinition;
import com.nightshift.schedules.ScheduleStatus;

/**
 * One schedule as its row of the schedules page shows it: times already in the schedule's own zone, the fire
 * before and the fires to come.
 *
 * @param cronWords the cron in the reader's words, or null where it has none
 * @param lastFire the latest fire, if any
 * @param pausedBy who paused it (and {@code pausedAt} when), while it is paused and the audit knows; else null
 */
record ScheduleRow(String name, String job, String cron, String cronWords, String zone, Map<String, String> parameters,
                   String state, List<ZonedDateTime> nextFires, LastFire lastFire, String pausedBy,
                   ZonedDateTime pausedAt) {

    /** A fire: when (in the schedule's zone), why, how it ended, the run it started and what was said of it. */
    record LastFire(ZonedDateTime time, String kind, String outcome, Long executionId, String message) {

        static LastFire of(FireRecord record, ScheduleDefinition definition) {
            return new LastFire(record.fireTime().atZone(definition.zone()), record.kind().name(),
                    record.outcome().name(), record.executionId(), record.message());
        }
    }

    static ScheduleRow of(ScheduleStatus status, String cronWords, OperatorAction pausedBy) {
        ScheduleDefinition definition = status.definition();
        return new ScheduleRow(definition.name(), definition.job(), definition.cron(), cronWords,
                definition.zone().getId(),
                new TreeMap<>(definition.parameters()), status.state().name(),
                status.nextFires().stream().map(fire -> fire.atZone(definition.zone())).toList(),
                status.previous().map(record -> LastFire.of(record, definition)).orElse(null),
                pausedBy == null ? null : pausedBy.user(),
                pausedBy == null ? null : pausedBy.at().atZone(definition.zone()));
    }
}
