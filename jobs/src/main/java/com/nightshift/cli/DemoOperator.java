package com.nightshift.cli;

import java.security.SecureRandom;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The operator the demo logs in as: logins on, one user {@value #NAME} with a password new to each run, unless the
 * operator configured users of their own (their settings win over these defaults).
 */
record DemoOperator(String password, String hash) {

    static final String NAME = "demo";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 12;

    static DemoOperator generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new DemoOperator(password.toString(), "{bcrypt}" + new BCryptPasswordEncoder().encode(password));
    }

    /** Logins on, with this operator as the only user, as defaults. */
    Map<String, Object> settings() {
        return Map.of("nightshift.security.enabled", "true",
                "nightshift.security.users[0].name", NAME,
                "nightshift.security.users[0].password", hash,
                "nightshift.security.users[0].role", "operator");
    }

    /** Whether the engine took this operator (no user of the operator's own replaced it). */
    boolean takenBy(Engine engine) {
        return hash.equals(engine.property("nightshift.security.users[0].password", ""));
    }
}
