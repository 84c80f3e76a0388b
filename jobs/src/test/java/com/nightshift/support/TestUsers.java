package com.nightshift.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The logins every web test has: a viewer, an operator and a metrics scraper, configured as an operator would
 * configure them ({@code nightshift.security.users}, bcrypt hashes). Tests that need more add theirs after these.
 */
public enum TestUsers {

    VIEWER("wang", "看报表-viewer", "viewer"),
    OPERATOR("li", "operator-secret", "operator"),
    SCRAPER("prometheus", "scrape-secret", "metrics");

    private final String user;
    private final String password;
    private final String role;

    TestUsers(String user, String password, String role) {
        this.user = user;
        this.password = password;
        this.role = role;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Registers every test user, as entries 0, 1, 2 of the users list. */
    public static void register(DynamicPropertyRegistry registry) {
        for (TestUsers login : values()) {
            String entry = "nightshift.security.users[" + login.ordinal() + "].";
            registry.add(entry + "name", login::user);
            registry.add(entry + "password", login::hash);
            registry.add(entry + "role", () -> login.role);
        }
    }

    /** Registers a user of one test's own after the test users (a name a test may lock out by guessing). */
    public static void registerAnother(DynamicPropertyRegistry registry, String name, String password, String role) {
        String entry = "nightshift.security.users[" + values().length + "].";
        registry.add(entry + "name", () -> name);
        registry.add(entry + "password", () -> hash(password));
        registry.add(entry + "role", () -> role);
    }

    /**
     * Every test user as an operator configures a packaged engine: {@code NIGHTSHIFT_SECURITY_USERS_0_NAME},
     * {@code ..._PASSWORD}, {@code ..._ROLE}.
     */
    public static Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (TestUsers login : values()) {
            String entry = "NIGHTSHIFT_SECURITY_USERS_" + login.ordinal() + "_";
            environment.put(entry + "NAME", login.user);
            environment.put(entry + "PASSWORD", login.hash());
            environment.put(entry + "ROLE", login.role);
        }
        return environment;
    }

    /** Every test user as command-line settings, for {@link CliRun}'s {@code serve}. */
    public static List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        for (TestUsers login : values()) {
            String entry = "--nightshift.security.users[" + login.ordinal() + "].";
            arguments.add(entry + "name=" + login.user);
            arguments.add(entry + "password=" + login.hash());
            arguments.add(entry + "role=" + login.role);
        }
        return arguments;
    }

    private String hash() {
        return hash(password);
    }

    private static String hash(String password) {
        // bcrypt's lowest cost: the hashes are checked on every request of every web test
        return "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
    }
}
