package com.nightshift.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a password against its bcrypt hash once per {@link #REMEMBERED} for each right password, not on every
 * request. The API has no session, so without it every Basic request would pay a bcrypt check: 0.1 s of one core
 * at cost 10 (measured on the benchmark machine), which would cap two cores at about 20 API requests a second.
 * Only right passwords are remembered, so guessing still pays the full check (and {@link FailedLogins}); what is
 * kept is a SHA-256 of the hash and the password, never the password; a user whose hash changes is checked anew.
 */
final class RememberedPasswordChecks implements PasswordEncoder {

    static final Duration REMEMBERED = Duration.ofMinutes(5);
    /** Right passwords remembered at most; beyond it the expired ones are let go, then all of them. */
    private static final int MOST = 1_000;

    private final PasswordEncoder checks;
    private final Clock clock;
    private final Map<String, Instant> rightUntil = new ConcurrentHashMap<>();

    RememberedPasswordChecks(PasswordEncoder checks, Clock clock) {
        this.checks = checks;
        this.clock = clock;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return checks.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return checks.matches(rawPassword, encodedPassword);
        }
        String key = digest(encodedPassword, rawPassword);
        Instant now = clock.instant();
        Instant until = rightUntil.get(key);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean right = checks.matches(rawPassword, encodedPassword);
        if (right) {
            if (rightUntil.size() >= MOST) {
                rightUntil.values().removeIf(expiry -> !now.isBefore(expiry));
                if (rightUntil.size() >= MOST) {
                    rightUntil.clear();
                }
            }
            rightUntil.put(key, now.plus(REMEMBERED));
        }
        return right;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return checks.upgradeEncoding(encodedPassword);
    }

    private static String digest(String encodedPassword, CharSequence rawPassword) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
