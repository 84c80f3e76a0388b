package com.nightshift.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class ConfiguredUsersTest {

    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("secret");

    @Test
    void aUserWithABcryptHashAndARoleIsTaken() {
        assertThat(ConfiguredUsers.of(List.of(new SecurityProperties.User("li", HASH, Role.OPERATOR))))
                .singleElement().satisfies(user -> {
                    assertThat(user.getUsername()).isEqualTo("li");
                    assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR");
                });
    }

    @Test
    void noUsersIsRefusedSayingHowToAddOne() {
        assertThatThrownBy(() -> ConfiguredUsers.of(List.of()))
                .hasMessageContaining("nobody could log in")
                .hasMessageContaining("NIGHTSHIFT_SECURITY_USERS_0_NAME");
    }

    @Test
    void aPlainTextPasswordIsRefusedNamingItsEntry() {
        assertThatThrownBy(() -> ConfiguredUsers.of(List.of(
                new SecurityProperties.User("li", HASH, Role.OPERATOR),
                new SecurityProperties.User("wang", "secret", Role.VIEWER))))
                .hasMessageStartingWith("nightshift.security.users[1] (wang): the password must be a bcrypt hash")
                .hasMessageNotContaining("secret,");
    }

    @Test
    void aMalformedHashIsRefused() {
        assertThatThrownBy(() -> ConfiguredUsers.of(List.of(
                new SecurityProperties.User("li", "{bcrypt}$2a$10$tooShort", Role.OPERATOR))))
                .hasMessageContaining("nightshift.security.users[0] (li)");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertThatThrownBy(() -> ConfiguredUsers.of(List.of(
                new SecurityProperties.User("li", HASH, null),
                new SecurityProperties.User("li", HASH, Role.VIEWER),
                new SecurityProperties.User(" ", HASH, Role.VIEWER))))
                .hasMessageContaining("users[0] (li): no role")
                .hasMessageContaining("users[1] (li): the name is given twice")
                .hasMessageContaining("users[2]: no name");
    }
}
