package com.nightshift.health.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.nightshift.health.HealthState;

/** When a check's people are told something, against what they were last told. */
class AlertRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    private static final Instant EARLIER = NOW.minus(Duration.ofHours(3));

    private final AlertRules rules = new AlertRules(Duration.ofHours(24));

    @Test
    void aCheckNeverToldAboutThatIsOkIsNotTold() {
        assertThat(rules.judge(HealthState.OK, null, NOW)).isEmpty();
    }

    @Test
    void aCheckNeverToldAboutThatIsBadIsAnAlert() {
        assertThat(rules.judge(HealthState.WARN, null, NOW)).contains(AlertKind.ALERT);
    }

    @Test
    void warnTurningCritIsAnAlert() {
        assertThat(rules.judge(HealthState.CRIT, told(HealthState.WARN, EARLIER), NOW)).contains(AlertKind.ALERT);
    }

    @Test
    void critTurningWarnIsAnAlert() {
        assertThat(rules.judge(HealthState.WARN, told(HealthState.CRIT, EARLIER), NOW)).contains(AlertKind.ALERT);
    }

    @Test
    void okAfterBeingToldBadIsARecovery() {
        assertThat(rules.judge(HealthState.OK, told(HealthState.CRIT, EARLIER), NOW)).contains(AlertKind.RECOVERY);
    }

    @Test
    void theStateLastToldIsNotToldAgainBeforeTheReminderTime() {
        assertThat(rules.judge(HealthState.CRIT, told(HealthState.CRIT, EARLIER), NOW)).isEmpty();
    }

    @Test
    void aBadStateLastToldAtLeastTheReminderTimeAgoIsAReminder() {
        assertThat(rules.judge(HealthState.CRIT, told(HealthState.CRIT, NOW.minus(Duration.ofHours(24))), NOW))
                .contains(AlertKind.REMINDER);
    }

    @Test
    void aRecoveryIsNeverRemindedOf() {
        assertThat(rules.judge(HealthState.OK, told(HealthState.OK, NOW.minus(Duration.ofDays(3))), NOW)).isEmpty();
    }

    private static LastAlert told(HealthState state, Instant at) {
        return new LastAlert(state, at.minus(Duration.ofMinutes(5)), at);
    }
}
