package com.nightshift.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing by name: after {@value #FREE_ATTEMPTS} wrong passwords in a row, a name is refused
 * without its password being checked for 1 s, then twice as long after each further failure, up to a minute. The
 * refusal is answered at once rather than by holding the request, so that guessing cannot tie up the server's few
 * threads. A successful login clears the count.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
class FailedLogins {

    static final int FREE_ATTEMPTS = 3;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
    /** Names tried are kept at most this many; beyond it, the ones no longer waiting are let go. */
    private static final int MOST_NAMES = 10_000;

    private final Clock clock;
    private final Map<String, Failures> byName = new ConcurrentHashMap<>();

    FailedLogins(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant waitUntil) {
    }

    void failed(String name) {
        Instant now = clock.instant();
        if (byName.size() >= MOST_NAMES) {
            byName.values().removeIf(failures -> !failures.waitUntil().isAfter(now));
        }
        byName.compute(name, (key, before) -> {
            int count = before == null ? 1 : before.count() + 1;
            return new Failures(count, now.plus(waitAfter(count)));
        });
    }

    /** 1 s after the first failure beyond the free ones, doubling, at most {@link #LONGEST_WAIT}. */
    static Duration waitAfter(int failures) {
        int over = failures - FREE_ATTEMPTS;
        if (over <= 0) {
            return Duration.ZERO;
        }
        Duration doubled = FIRST_WAIT.multipliedBy(1L << Math.min(over - 1, 16));
        return doubled.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : doubled;
    }

    /** How long the name must still wait before its password is checked again; empty when it need not. */
    Optional<Duration> waitFor(String name) {
        Failures failures = byName.get(name);
        if (failures == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), failures.waitUntil());
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /** A wait as a person reads it: whole seconds, rounded up, at least one. */
    static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        byName.remove(event.getAuthentication().getName());
    }
}
