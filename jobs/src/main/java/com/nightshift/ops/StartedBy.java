package com.nightshift.ops;

import java.security.Principal;
import java.util.Map;

/**
 * Who or what started a run, as its history shows it: read from the run's notes (non-identifying parameters).
 * Every new run carries {@value #NOTE}: {@value #API}, {@value #CONSOLE} or {@value #COMMAND_LINE}; a schedule's
 * runs carry the schedule's own notes ({@code schedule}, {@code schedule.fire}) instead. A resumed execution keeps
 * the notes of its run's first start. Runs recorded before the note existed show {@value #UNKNOWN}.
 *
 * @param by       {@value #API}, {@value #CONSOLE}, {@value #COMMAND_LINE}, {@value #SCHEDULE} or {@value #UNKNOWN}
 * @param user     the user who started it through the API with logins on; null otherwise
 * @param schedule the schedule's name, for a scheduled run
 * @param fire     the fire time the run is for (ISO offset date-time in the schedule's zone), for a scheduled run
 */
public record StartedBy(String by, String user, String schedule, String fire) {

    /** The note's name, among a run's non-identifying parameters. */
    public static final String NOTE = "started.by";
    /** Set aside for the login work: the user's name, next to {@value #NOTE}. */
    public static final String USER_NOTE = "started.user";
    public static final String API = "api";
    public static final String COMMAND_LINE = "command line";
    /** A start from the console's form, by the logged-in user. */
    public static final String CONSOLE = "console";
    public static final String SCHEDULE = "schedule";
    public static final String UNKNOWN = "unknown";
    // the schedules' own notes (schedules.FireNotes): named here, as ops must not depend on the schedules above it
    private static final String SCHEDULE_NOTE = "schedule";
    private static final String FIRE_NOTE = "schedule.fire";

    /** The notes a new run started by {@code by} carries. */
    public static Map<String, String> notes(String by) {
        return Map.of(NOTE, by);
    }

    /** The notes a new run started by {@code by} for a logged-in user carries; without a login, as {@link #notes}. */
    public static Map<String, String> notes(String by, Principal user) {
        return user == null ? notes(by) : Map.of(NOTE, by, USER_NOTE, user.getName());
    }

    static StartedBy of(Map<String, String> parameters) {
        if (parameters.containsKey(SCHEDULE_NOTE)) {
            return new StartedBy(SCHEDULE, null, parameters.get(SCHEDULE_NOTE), parameters.get(FIRE_NOTE));
        }
        return new StartedBy(parameters.getOrDefault(NOTE, UNKNOWN), parameters.get(USER_NOTE), null, null);
    }
}
