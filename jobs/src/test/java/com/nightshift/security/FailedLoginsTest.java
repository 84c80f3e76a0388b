package com.nightshift.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

class FailedLoginsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC);

    private final FailedLogins logins = new FailedLogins(CLOCK);

    @Test
    void theFirstWrongPasswordsCostNothing() {
        for (int i = 0; i < FailedLogins.FREE_ATTEMPTS; i++) {
            logins.failed("li");
        }

        assertThat(logins.waitFor("li")).isEmpty();
    }

    @Test
    void eachFurtherWrongPasswordDoublesTheWaitUpToAMinute() {
        assertThat(FailedLogins.waitAfter(FailedLogins.FREE_ATTEMPTS + 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(FailedLogins.waitAfter(FailedLogins.FREE_ATTEMPTS + 2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(FailedLogins.waitAfter(FailedLogins.FREE_ATTEMPTS + 4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(FailedLogins.waitAfter(FailedLogins.FREE_ATTEMPTS + 40)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aNameThatGuessedWrongTooOftenWaitsAndOthersDoNot() {
        for (int i = 0; i <= FailedLogins.FREE_ATTEMPTS; i++) {
            logins.failed("li");
        }

        assertThat(logins.waitFor("li")).contains(Duration.ofSeconds(1));
        assertThat(logins.waitFor("wang")).isEmpty();
    }

    @Test
    void aSuccessfulLoginClearsTheCount() {
        for (int i = 0; i <= FailedLogins.FREE_ATTEMPTS; i++) {
            logins.failed("li");
        }

        logins.succeeded(new AuthenticationSuccessEvent(new TestingAuthenticationToken("li", null)));

        assertThat(logins.waitFor("li")).isEmpty();
    }

    @Test
    void aWaitIsToldInWholeSecondsRoundedUp() {
        assertThat(FailedLogins.wholeSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(FailedLogins.wholeSeconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(FailedLogins.wholeSeconds(Duration.ofSeconds(8))).isEqualTo(8);
    }
}
