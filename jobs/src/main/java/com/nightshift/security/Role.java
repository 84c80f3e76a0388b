package com.nightshift.security;

/** What a user may do. */
public enum Role {
    /** Reads the Prometheus scrape endpoint ({@code /actuator/prometheus}) and nothing else: for the scraper. */
    METRICS,
    /** Reads everything: executions, schedules, reports, deliveries. */
    VIEWER,
    /** Also starts, stops and restarts jobs, pauses, resumes, fires and reloads schedules, resends reports. */
    OPERATOR
}
