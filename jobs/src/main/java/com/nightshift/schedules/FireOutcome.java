package com.nightshift.schedules;

import org.springframework.batch.core.BatchStatus;

/** What became of a fire: STARTED while its run goes, then how the run ended, or why it never ran. */
public enum FireOutcome {
    STARTED, COMPLETED, FAILED, STOPPED,
    /**
     * The fire ran nothing, and its message says why: the same job with the same parameters was already running
     * (the fire is not queued behind it), the instance could take no more runs (a manual fire), or the instance
     * that claimed it stopped before starting the run ({@link AbandonedFires}).
     */
    REFUSED,
    SKIPPED;

    static FireOutcome of(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> COMPLETED;
            case STOPPED -> STOPPED;
            default -> FAILED;
        };
    }
}
