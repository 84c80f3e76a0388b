package com.nightshift.support;

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
    static void register(DynamicPropertyRegistry registry) {
        // bcrypt's lowest cost: the hashes are checked on every request of every web test
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        for (TestUsers login : values()) {
            String entry = "nightshift.security.users[" + login.ordinal() + "].";
            registry.add(entry + "name", login::user);
            registry.add(entry + "password", () -> "{bcrypt}" + bcrypt.encode(login.password));
            registry.add(entry + "role", () -> login.role);
        }
    }
}
