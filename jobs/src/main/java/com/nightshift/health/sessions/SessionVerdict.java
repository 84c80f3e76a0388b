package com.nightshift.health.sessions;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * How the session checks judge what they found: the oldest session decides the state, the message names the
 * oldest few (a person acts on those first) and says what to do.
 */
final class SessionVerdict {

    /** More sessions than this are counted, not listed: the message must stay readable in an email. */
    private static final int LISTED = 5;

    private SessionVerdict() {
    }

    static CheckResult cannotCheck(String check, String why) {
        return new CheckResult(check, CheckGroup.SESSIONS, HealthState.WARN, "could not check: " + why, List.of());
    }

    /**
     * @param found      sessions over {@code warn}, oldest first
     * @param what       what they are, plural ("queries running longer than 10 min 0 s")
     * @param describe   one session for a person
     * @param advice     what to do, for a non-OK result
     */
    static CheckResult judge(String check, List<Session> found, Duration warn, Duration crit, String what,
                             Function<Session, String> describe, String advice) {
        double oldest = found.isEmpty() ? 0 : found.get(0).age();
        HealthState state = found.isEmpty() ? HealthState.OK
                : oldest >= crit.toMillis() / 1000.0 ? HealthState.CRIT : HealthState.WARN;
        List<Measurement> values = List.of(
                new Measurement("sessions", found.size(), 1.0, null, "sessions"),
                new Measurement("oldest", oldest, warn.toMillis() / 1000.0, crit.toMillis() / 1000.0, "s"));
        String thresholds = " (warn at " + Session.seconds(warn.toMillis() / 1000.0) + ", critical at "
                + Session.seconds(crit.toMillis() / 1000.0) + ")";
        if (found.isEmpty()) {
            return new CheckResult(check, CheckGroup.SESSIONS, state, "no " + what + thresholds, values);
        }
        String listed = found.stream().limit(LISTED).map(describe).collect(Collectors.joining("; "));
        String more = found.size() > LISTED ? "; and " + (found.size() - LISTED) + " more" : "";
        return new CheckResult(check, CheckGroup.SESSIONS, state,
                found.size() + " " + what + thresholds + ": " + listed + more + ". " + advice, values);
    }
}
