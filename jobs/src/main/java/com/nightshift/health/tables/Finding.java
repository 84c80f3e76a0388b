package com.nightshift.health.tables;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * One table (or sequence) found over a share threshold, and how the table checks turn their findings into a
 * result: the worst share decides the state, the message names the worst few.
 *
 * @param where what a person looks for, e.g. "orders (35% dead)"
 * @param share the share judged, 0-1
 */
record Finding(String where, double share) {

    private static final int LISTED = 5;

    /** @param found findings over {@code warn}, worst first */
    static CheckResult judge(String check, List<Finding> found, double warn, double crit, String measured,
                             String what, String advice) {
        double worst = found.isEmpty() ? 0 : found.get(0).share();
        HealthState state = found.isEmpty() ? HealthState.OK
                : worst >= crit ? HealthState.CRIT : HealthState.WARN;
        String thresholds = String.format(Locale.ROOT, " (warn at %s, critical at %s)", percent(warn),
                percent(crit));
        List<Measurement> values = List.of(new Measurement(measured, worst * 100, warn * 100, crit * 100, "%"));
        if (found.isEmpty()) {
            return new CheckResult(check, CheckGroup.TABLES, state, "no " + what + thresholds, values);
        }
        String listed = found.stream().limit(LISTED).map(Finding::where).collect(Collectors.joining(", "))
                + (found.size() > LISTED ? " and " + (found.size() - LISTED) + " more" : "");
        return new CheckResult(check, CheckGroup.TABLES, state, what + thresholds + ": " + listed + ". " + advice,
                values);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
