package com.nightshift.health.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.nightshift.health.HealthState;

/**
 * Whether a check's people are to be told something, judged against what they were last told rather than against
 * the previous result: a change that was never told (no recipients then, a decision lost) is told once, and a state
 * unchanged since the last letter is told again only after the reminder time. A check never told about is as good
 * as told OK.
 */
final class AlertRules {

    private final Duration reminderAfter;

    AlertRules(Duration reminderAfter) {
        this.reminderAfter = reminderAfter;
    }

    /** @param last what was last told, null when nothing ever was */
    Optional<AlertKind> judge(HealthState now, LastAlert last, Instant at) {
        HealthState told = last == null ? HealthState.OK : last.state();
        if (now != told) {
            return Optional.of(now == HealthState.OK ? AlertKind.RECOVERY : AlertKind.ALERT);
        }
        if (now != HealthState.OK && !at.isBefore(last.decidedAt().plus(reminderAfter))) {
            return Optional.of(AlertKind.REMINDER);
        }
        return Optional.empty();
    }
}
