package com.nightshift.schedules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A schedule as operators see it: its definition, whether it fires, its latest fire and its next ones.
 *
 * @param nextFires empty for a disabled schedule
 */
public record ScheduleStatus(ScheduleDefinition definition, ScheduleState state, Optional<FireRecord> previous,
                             List<Instant> nextFires) {
}
