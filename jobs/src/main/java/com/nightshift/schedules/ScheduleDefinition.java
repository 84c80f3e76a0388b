package com.nightshift.schedules;

import java.time.ZoneId;
import java.util.Map;

/**
 * One schedule as its file defines it, checked: a job started with parameters at the fire times of a cron
 * expression in a zone.
 *
 * @param name         unique across all schedule files; Quartz's job and trigger group are named after it
 * @param job          the job it starts
 * @param cron         Quartz cron, seconds first ({@code 0 0 7 * * ?})
 * @param zone         the zone the cron and the date expressions are read in
 * @param parameters   the job's parameters as written, with {@code ${...}} date expressions unresolved
 * @param misfire      what happens to fires missed while nothing ran
 * @param catchUpLimit the most missed business dates that {@link Misfire#CATCH_UP} runs (the latest ones)
 * @param enabled      whether it fires at all; a disabled schedule is kept in the files but not in Quartz
 * @param file         the file it came from, for messages
 */
public record ScheduleDefinition(String name, String job, String cron, ZoneId zone, Map<String, String> parameters,
                                 Misfire misfire, int catchUpLimit, boolean enabled, String file) {

    public ScheduleDefinition {
        parameters = Map.copyOf(parameters);
    }

    /** When it fires. */
    public FireTimes fireTimes() {
        return FireTimes.of(cron, zone);
    }
}
