package com.nightshift.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The users of {@code nightshift.security.users}, checked: a password must be a bcrypt hash (a plain-text
 * password in a settings file or an environment variable is refused, not silently used), names unique, a role
 * given. Every problem names the entry it is in.
 */
final class ConfiguredUsers {

    private static final String PREFIX = "{bcrypt}";
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    static final String HOW_TO_ADD = "add one with NIGHTSHIFT_SECURITY_USERS_0_NAME=<name>, "
            + "NIGHTSHIFT_SECURITY_USERS_0_PASSWORD={bcrypt}<hash> and NIGHTSHIFT_SECURITY_USERS_0_ROLE=operator "
            + "(print a hash with: nightshift hash-password)";

    private ConfiguredUsers() {
    }

    /** @throws IllegalArgumentException naming every entry that is wrong, or saying how to add a first user */
    static List<UserDetails> of(List<SecurityProperties.User> users) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("nightshift.security.users is empty, so nobody could log in: "
                    + HOW_TO_ADD);
        }
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<UserDetails> details = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            SecurityProperties.User user = users.get(i);
            String entry = "nightshift.security.users[" + i + "]"
                    + (user.name() == null || user.name().isBlank() ? "" : " (" + user.name() + ")");
            int before = problems.size();
            if (user.name() == null || user.name().isBlank()) {
                problems.add(entry + ": no name");
            } else if (!names.add(user.name())) {
                problems.add(entry + ": the name is given twice");
            }
            if (user.role() == null) {
                problems.add(entry + ": no role (viewer or operator)");
            }
            if (user.password() == null || !user.password().startsWith(PREFIX)
                    || !BCRYPT.matcher(user.password().substring(PREFIX.length())).matches()) {
                problems.add(entry + ": the password must be a bcrypt hash written {bcrypt}$2a$10$... (53 characters "
                        + "after the cost), never the password itself");
            }
            if (problems.size() == before) {
                details.add(User.withUsername(user.name()).password(user.password())
                        .roles(user.role().name()).build());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return details;
    }
}
