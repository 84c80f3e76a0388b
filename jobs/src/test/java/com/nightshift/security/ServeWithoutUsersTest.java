package com.nightshift.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.nightshift.support.CliRun;
import com.nightshift.support.TestServers;

/**
 * {@code serve} asks for logins unless told not to, so without a user anyone could log in as, or with a plain
 * password, it refuses to start.
 */
class ServeWithoutUsersTest {

    private static final int USAGE = 2;

    @Test
    void serveWithNoUsersExitsTwoSayingHowToAddOne() {
        CliRun serve = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> CliRun.onDatabase(
                TestServers.get().newDatabase("serve_no_users"), "serve",
                "--server.port=0", "--spring.quartz.scheduler-name=nightshift-no-users"));

        assertThat(serve.exitCode()).isEqualTo(USAGE);
        assertThat(serve.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("nightshift: nightshift.security.users is empty")
                .contains("NIGHTSHIFT_SECURITY_USERS_0_PASSWORD={bcrypt}"));
    }

    @Test
    void serveWithAPlainTextPasswordExitsTwoNamingTheEntry() {
        CliRun serve = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> CliRun.onDatabase(
                TestServers.get().newDatabase("serve_plain_password"), "serve",
                "--nightshift.security.users[0].name=li", "--nightshift.security.users[0].password=hunter2",
                "--nightshift.security.users[0].role=operator",
                "--server.port=0", "--spring.quartz.scheduler-name=nightshift-plain-password"));

        assertThat(serve.exitCode()).isEqualTo(USAGE);
        assertThat(serve.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("nightshift: nightshift.security.users[0] (li): the password must be a bcrypt hash")
                .doesNotContain("hunter2"));
    }
}
