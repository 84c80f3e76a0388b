package com.nightshift.health.alerts;

import java.time.Instant;

import com.nightshift.health.HealthState;
import com.nightshift.health.StoredResult;

/**
 * One thing to tell about one check.
 *
 * @param result        the check's latest result, which decided it: its message says what is wrong and what to do
 * @param previous      the state its people were last told about (OK when never)
 * @param since         the first result in the check's present state
 * @param previousSince for a recovery, since when the check had been in the state it recovered from; else null
 */
record Alert(AlertKind kind, StoredResult result, HealthState previous, Instant since, Instant previousSince) {

    String check() {
        return result.check();
    }

    HealthState state() {
        return result.state();
    }
}
