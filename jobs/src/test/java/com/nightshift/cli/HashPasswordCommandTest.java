package com.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import com.nightshift.support.CliRun;

class HashPasswordCommandTest {

    @Test
    void printsABcryptHashThatTheLoginAcceptsForThePasswordOnStandardInput() {
        CliRun run = withStandardInput("看报表 and more\nnot this line\n", () -> CliRun.of("hash-password"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        String hash = run.out().strip();
        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("看报表 and more", hash)).isTrue();
    }

    @Test
    void noPasswordExitsTwoSayingSo() {
        CliRun run = withStandardInput("", () -> CliRun.of("hash-password"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("nightshift: no password given");
        assertThat(run.out()).isEmpty();
    }

    private static CliRun withStandardInput(String text, java.util.function.Supplier<CliRun> command) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return command.get();
        } finally {
            System.setIn(before);
        }
    }
}
