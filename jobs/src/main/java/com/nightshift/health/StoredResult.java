package com.nightshift.health;

import java.time.Instant;
import java.util.List;

/**
 * A check's result as kept in the history: what it found, when, how long it took, and the health run it belonged
 * to (null for a check run outside the job).
 */
public record StoredResult(long id, Long jobExecutionId, String check, CheckGroup group, HealthState state,
                           String message, List<Measurement> values, Instant checkedAt, long tookMillis) {

    public StoredResult {
        values = List.copyOf(values);
    }
}
