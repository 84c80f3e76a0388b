package com.nightshift.health.alerts;

import java.util.List;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * A check whose state the test sets: a letter queue whose depth is 3 when OK, 42 when WARN and 420 when CRIT,
 * against thresholds of 10 and 100. The checks themselves are tested elsewhere; here only their states matter.
 */
final class FlippableCheck implements HealthCheck {

    private final String name;
    private final CheckGroup group;
    private volatile HealthState state = HealthState.OK;

    FlippableCheck(String name, CheckGroup group) {
        this.name = name;
        this.group = group;
    }

    void set(HealthState state) {
        this.state = state;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckGroup group() {
        return group;
    }

    @Override
    public CheckResult run() {
        HealthState now = state;
        double depth = switch (now) {
            case OK -> 3;
            case WARN -> 42;
            case CRIT -> 420;
        };
        return new CheckResult(name, group, now, message(now, depth),
                List.of(new Measurement("queue_depth", depth, 10.0, 100.0, "letters")));
    }

    String message(HealthState state, double depth) {
        return state == HealthState.OK ? "The queue " + name + " holds " + (int) depth + " letters."
                : "The queue " + name + " holds " + (int) depth + " letters; empty it with `nightshift drain " + name
                + "`.";
    }
}
