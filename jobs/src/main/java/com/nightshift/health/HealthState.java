package com.nightshift.health;

/** How a check found what it looked at, from fine to needing someone now; declared in that order. */
public enum HealthState {
    OK, WARN, CRIT;

    /** The state of a value that is worse the higher it is: CRIT from {@code critAt}, WARN from {@code warnAt}. */
    public static HealthState above(double value, double warnAt, double critAt) {
        return value >= critAt ? CRIT : value >= warnAt ? WARN : OK;
    }

    /** The worse of two states: a group is as sick as its sickest check. */
    public HealthState worse(HealthState other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
