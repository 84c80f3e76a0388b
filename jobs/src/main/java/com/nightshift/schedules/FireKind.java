package com.nightshift.schedules;

/** Why a schedule's job ran, or did not: kept with the fire's row and in the run's {@code schedule.kind} note. */
public enum FireKind {
    /** A fire at its time (or late, for a schedule with nothing recorded to catch up from). */
    SCHEDULED,
    /** One of the missed business dates a late {@link Misfire#CATCH_UP} schedule runs. */
    CATCH_UP,
    /** Fired by an operator, outside the schedule's times. */
    MANUAL,
    /**
     * Fires missed and not run: a {@link Misfire#SKIP} schedule's, those missed while paused, or a catch-up's
     * whose dates had all completed.
     */
    SKIPPED
}
