package com.nightshift.ops.console;

import com.nightshift.ops.StepCounts;

/**
 * An execution as a row of the console shows it, every value already in the reader's words and zone.
 *
 * @param status         Spring Batch's status (for the colour and {@code data-status})
 * @param statusLabel    the status in the reader's language
 * @param durationMillis how long it took, or has taken so far while it runs; null before it starts
 * @param summary        the first line of its exit description
 */
record ExecutionRow(long id, String job, String status, String statusLabel, String started, String ended,
                    Long durationMillis, String duration, boolean running, StepCounts counts, String startedBy,
                    String summary) {
}
