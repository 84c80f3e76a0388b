package com.nightshift.schedules;

import java.time.Instant;

/**
 * One row of {@code schedule_fire}: a fire claimed, and what became of it.
 *
 * @param parameters the job's parameters as resolved for this fire, {@code name=value} joined by spaces
 * @param instance   the Quartz instance (or the process, for a manual fire) that claimed it
 */
public record FireRecord(long id, String schedule, Instant fireTime, FireKind kind, String parameters,
                         FireOutcome outcome, Long executionId, String instance, Instant claimedAt, Instant endedAt,
                         String message) {
}
