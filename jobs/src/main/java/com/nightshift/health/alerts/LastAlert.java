package com.nightshift.health.alerts;

import java.time.Instant;

import com.nightshift.health.HealthState;

/**
 * What a check's people were last told: its state then, since when it was in it, and when they were told.
 */
record LastAlert(HealthState state, Instant since, Instant decidedAt) {
}
