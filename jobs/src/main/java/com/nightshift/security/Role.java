package com.nightshift.security;

/** What a user may do. */
public enum Role {
    /** Reads everything: executions, schedules, reports, deliveries. */
    VIEWER,
    /** Also starts, stops and restarts jobs, pauses, resumes, fires and reloads schedules, resends reports. */
    OPERATOR
}
