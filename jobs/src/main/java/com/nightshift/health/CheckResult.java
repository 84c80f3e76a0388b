package com.nightshift.health;

import java.util.List;

/**
 * What one check found: its state, a message a person can act on (what is wrong, where, what to do), and its
 * measured values. A check that could not look (no permission, a server down, a statement timeout) is a result
 * too, never a failed job.
 *
 * @param check   the check's name, stable across versions (history and alerts are keyed by it), e.g.
 *                {@code database.connections}
 * @param group   its group
 * @param state   OK, WARN or CRIT
 * @param message for a person: what was found and, unless OK, what to do
 * @param values  the values measured, with their thresholds
 */
public record CheckResult(String check, CheckGroup group, HealthState state, String message,
                          List<Measurement> values) {

    public CheckResult {
        values = List.copyOf(values);
    }
}
