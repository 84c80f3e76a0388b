package com.nightshift.health.sessions;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One other session of the database, as {@code pg_stat_activity} shows it.
 *
 * @param age      seconds the session has been in the condition a check looks at (running, idle, waiting)
 * @param blockers the sessions holding the locks it waits for
 */
record Session(int pid, String application, String user, String state, double age, String query,
               List<Integer> blockers) {

    /** Where a person finds it: "pid 123 (application 'x', user 'y')". */
    String who() {
        return "pid " + pid + " (application '" + application + "', user '" + user + "')";
    }

    String queryStart() {
        return "'" + query + "'";
    }

    static String seconds(double seconds) {
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + " s";
        }
        if (whole < 3600) {
            return (whole / 60) + " min " + (whole % 60) + " s";
        }
        return (whole / 3600) + " h " + (whole % 3600 / 60) + " min";
    }

    static String pids(List<Integer> pids) {
        return pids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

}
