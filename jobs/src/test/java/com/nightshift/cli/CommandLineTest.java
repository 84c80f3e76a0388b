package com.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import com.nightshift.support.CliRun;
import com.nightshift.support.TestServers;

class CommandLineTest {

    @Test
    void helpListsEveryCommand() {
        CliRun run = CliRun.of("help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo", "generate", "run", "serve");
    }

    @Test
    void noCommandFailsWithUsage() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no command given");
    }

    @Test
    void anUnknownCommandGetsOneLineAndExitCodeTwo() {
        CliRun run = CliRun.of("rollup-everything");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "nightshift: unknown command 'rollup-everything' (see 'nightshift help')");
    }

    @Test
    void aMalformedOptionValueIsNamed() {
        CliRun run = CliRun.of("generate", "--orders", "lots");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--orders", "lots");
    }

    @Test
    void anOutOfRangeOptionIsRejectedBeforeAnythingStarts() {
        CliRun run = CliRun.of("generate", "--orders", "10", "--days", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--days must be between 1 and");
    }

    @Test
    void aMalformedJobParameterIsNamed() {
        CliRun run = CliRun.of("run", "rollup", "mode");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("nightshift: malformed parameter 'mode': expected key=value");
    }

    @Test
    void anUnknownJobIsNamedWithTheJobsThatExist() {
        CliRun run = CliRun.onTestServers("run", "no-such-job");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("nightshift: unknown job 'no-such-job'; jobs:");
    }

    @Test
    void anUnreachableDatabaseGetsOneLineNamingItAndNoStackTrace() {
        CliRun run = CliRun.of("generate", "--orders", "10",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/chain",
                "--spring.data.redis.host=127.0.0.1", "--spring.mail.host=127.0.0.1",
                "--nightshift.data-dir=" + TestServers.get().dataDir());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("nightshift: cannot reach the database at jdbc:postgresql://127.0.0.1:1/chain");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void generateAddsTheRequestedLinesToAnExternalDatabase() {
        String url = TestServers.get().newDatabase("cli_generate");

        CliRun run = CliRun.onDatabase(url, "generate", "--orders", "3000", "--days", "7", "--stores", "4",
                "--seed", "11", "--until", "2026-11-01");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Added 3,000 lines");
    }

    @Test
    void externalServersMeanNothingEmbeddedIsStarted() {
        String url = TestServers.get().newDatabase("cli_external");

        CliRun run = CliRun.onDatabase(url, "generate", "--orders", "10", "--seed", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.exists(TestServers.get().dataDir().resolve("postgres"))).isFalse();
        assertThat(Files.exists(TestServers.get().dataDir().resolve("redis"))).isFalse();
    }
}
