package com.nightshift.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberedPasswordChecksTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);
    private static final String HASH = BCRYPT.encode("secret");

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final PasswordEncoder counted = new PasswordEncoder() {
        @Override
        public String encode(CharSequence rawPassword) {
            return BCRYPT.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            bcryptChecks.incrementAndGet();
            return BCRYPT.matches(rawPassword, encodedPassword);
        }
    };

    private final MutableClock clock = new MutableClock(NOW);
    private final RememberedPasswordChecks checks = new RememberedPasswordChecks(counted, clock);

    @Test
    void aRightPasswordIsCheckedAgainstItsHashOnceAndThenRemembered() {
        assertThat(checks.matches("secret", HASH)).isTrue();
        assertThat(checks.matches("secret", HASH)).isTrue();
        assertThat(checks.matches("secret", HASH)).isTrue();

        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTime() {
        checks.matches("secret", HASH);

        assertThat(checks.matches("guess", HASH)).isFalse();
        assertThat(checks.matches("guess", HASH)).isFalse();

        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void aChangedHashIsCheckedAnew() {
        checks.matches("secret", HASH);

        assertThat(checks.matches("secret", BCRYPT.encode("new-secret"))).isFalse();
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void aRightPasswordIsCheckedAgainAfterItsTimeIsUp() {
        checks.matches("secret", HASH);

        clock.now = NOW.plus(RememberedPasswordChecks.REMEMBERED).plus(Duration.ofSeconds(1));

        assertThat(checks.matches("secret", HASH)).isTrue();
        assertThat(bcryptChecks).hasValue(2);
    }

    /** The engine's clock, moved on by the test. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
