package com.nightshift.health.console;

import java.util.List;

/**
 * A stored result as the health pages show it, every value already in the reader's words and zone.
 *
 * @param group       the group's constant (for {@code data-group})
 * @param groupLabel  the group in the reader's language
 * @param state       OK, WARN or CRIT (for the colour and {@code data-state})
 * @param stateLabel  the state in the reader's language
 * @param values      each measured value beside its thresholds, in words
 * @param executionId the health run that found it; null for a check run outside the job
 */
record ResultRow(String check, String group, String groupLabel, String state, String stateLabel, String message,
                 List<String> values, String checkedAt, long tookMillis, Long executionId) {
}
