package com.nightshift.health.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.nightshift.delivery.Letter;
import com.nightshift.health.CheckGroup;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.nightshift.health.StoredResult;

/** The letters' frame in the configured language; the checks' messages as they are. */
class AlertLetterTest {

    private static final Instant CHECKED = Instant.parse("2026-12-06T18:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void inEnglishTheFrameIsEnglish() {
        Letter letter = new AlertLetter(Locale.ENGLISH, SHANGHAI).to(List.of("oncall@example.com"), "health-alert:1",
                List.of(alert(AlertKind.ALERT, HealthState.CRIT))).get(0);

        assertThat(letter.subject()).isEqualTo("[Nightshift alert] CRIT: database.pool");
        assertThat(letter.body()).contains("* CRIT  database.pool (database): from OK to CRIT")
                .contains("Since: 2026-12-07 02:00:00 (Asia/Shanghai)")
                .contains("pending = 6 threads (warn at 1 threads, crit at 5 threads)")
                .contains("What and what to do: 6 threads wait for a connection.");
    }

    @Test
    void aDigestOfRecoveriesOnlySaysTheyAreOkAgain() {
        String subject = new AlertLetter(Locale.SIMPLIFIED_CHINESE, SHANGHAI).to(List.of("oncall@example.com"),
                "health-alert:1", List.of(alert(AlertKind.RECOVERY, HealthState.OK),
                        alert(AlertKind.RECOVERY, HealthState.OK))).get(0).subject();

        assertThat(subject).isEqualTo("【Nightshift 恢复】2 项检查已恢复正常");
    }

    @Test
    void eachRecipientGetsTheSameLetterUnderTheDecisionsKey() {
        List<Letter> letters = new AlertLetter(Locale.SIMPLIFIED_CHINESE, SHANGHAI).to(List.of("a@example.com",
                "b@example.com"), "health-alert:7", List.of(alert(AlertKind.ALERT, HealthState.WARN)));

        assertThat(letters).extracting(Letter::email).containsExactly("a@example.com", "b@example.com");
        assertThat(letters).extracting(Letter::deliveryKey).containsOnly("health-alert:7");
        assertThat(letters).extracting(Letter::revision).containsOnly(0);
        assertThat(letters.get(0).body()).isEqualTo(letters.get(1).body());
    }

    private static Alert alert(AlertKind kind, HealthState state) {
        StoredResult result = new StoredResult(1, 1L, "database.pool", CheckGroup.DATABASE, state,
                "6 threads wait for a connection.", List.of(new Measurement("pending", 6, 1.0, 5.0, "threads")),
                CHECKED, 3);
        return new Alert(kind, result, kind == AlertKind.RECOVERY ? HealthState.CRIT : HealthState.OK, CHECKED,
                kind == AlertKind.RECOVERY ? CHECKED.minusSeconds(3600) : null);
    }
}
