package com.nightshift.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a password against its bcrypt hash once per {@link #REMEMBERED} for each right password, not on every
 * request. The API has no session, so without it every Basic request would pay a bcrypt check: 0.1 s of one core
 * at cost 10 (measured on the benchmark machine), which would cap two cores at about 20 API requests a second.
 * Only right passwords are remembered, so guessing still pays the full check (and {@link FailedLogins}); a user
 * whose hash changes is checked anew.
 * <p>
 * What is kept is an HMAC-SHA256 of the hash and the password under a random key made once per process, never the
 * password. A plain SHA-256 would let whoever reads the process's memory (a heap dump) test guesses against it at
 * SHA-256 speed, millions a second, instead of bcrypt's few a second; without the key, which also lives only in
 * memory, the remembered entries are worth nothing, and a restart forgets them all.
 */
final class RememberedPasswordChecks implements PasswordEncoder {

    static final Duration REMEMBERED = Duration.ofMinutes(5);
    /** Right passwords remembered at most; beyond it the expired ones are let go, then all of them. */
    private static final int MOST = 1_000;
    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder checks;
    private final Clock clock;
    private final Map<String, Instant> rightUntil = new ConcurrentHashMap<>();
    private final SecretKeySpec hmacKey = randomKey();

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

    private String digest(String encodedPassword, CharSequence rawPassword) {
        Mac mac = newMac();
        mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** A new one per check: a {@link Mac} is not safe to share between threads, and making one costs microseconds. */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(hmacKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + HMAC, e);
        }
    }

    /** 32 bytes, the size of SHA-256's output, as RFC 2104 advises for an HMAC key. */
    private static SecretKeySpec randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, HMAC);
    }
}
