package com.nightshift.schedules;

/** What a schedule does about fires it missed while no instance was running (or all were busy). */
public enum Misfire {
    /** Runs once for each distinct set of parameters (business date, week) it missed, oldest first. */
    CATCH_UP,
    /** Runs only its next fire; the missed ones are logged and recorded as skipped. */
    SKIP
}
