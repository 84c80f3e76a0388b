package com.nightshift.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the API, and whether logins are asked for at all.
 *
 * @param enabled whether logins are asked for: on unless switched off, which only suits an engine whose every
 *                caller already passed a gateway of the chain's own that checks who they are (see README)
 * @param users   the users, each a name, a {@code {bcrypt}} password hash and a role; settable from the
 *                environment as {@code NIGHTSHIFT_SECURITY_USERS_0_NAME}, {@code ..._PASSWORD}, {@code ..._ROLE}
 */
@ConfigurationProperties("nightshift.security")
public record SecurityProperties(@DefaultValue("true") boolean enabled, @DefaultValue List<User> users) {

    /**
     * One user.
     *
     * @param name     the login name
     * @param password the password's bcrypt hash, written {@code {bcrypt}$2a$10$...}
     * @param role     viewer or operator
     */
    public record User(String name, String password, Role role) {
    }
}
