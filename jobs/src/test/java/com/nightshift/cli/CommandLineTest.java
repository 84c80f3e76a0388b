package com.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void anUnknownJobIsRefusedBeforeTheEngineStarts() {
        CliRun run = onUnreachableServers("run", "no-such-job");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "nightshift: unknown job 'no-such-job'; jobs: rollup, report, health, maintenance");
    }

    @Test
    void aParameterValueNotAllowedIsRefusedBeforeTheEngineStarts() {
        CliRun run = onUnreachableServers("run", "rollup", "mode=sideways");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "nightshift: parameter 'mode' must be full or incremental, was 'sideways'");
    }

    @Test
    void anUnknownParameterIsRefusedWithTheParametersTheJobTakes() {
        CliRun run = onUnreachableServers("run", "rollup", "form=2026-01-01");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("nightshift: unknown rollup parameter 'form'; rollup takes "
                + "mode=full|incremental, from=yyyy-MM-dd, to=yyyy-MM-dd");
    }

    @Test
    void aMalformedDateParameterIsNamedWithItsFormat() {
        CliRun run = onUnreachableServers("run", "rollup", "from=2026-13-01");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "nightshift: parameter 'from' must be a date yyyy-MM-dd, was '2026-13-01'");
    }

    @Test
    void aMalformedDateOptionIsNamedWithItsFormat() {
        CliRun run = CliRun.of("generate", "--orders", "10", "--until", "2026-11-31");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("nightshift: Invalid value for option '--until': "
                + "'2026-11-31' is not a date yyyy-MM-dd (see 'nightshift help generate')");
    }

    @Test
    void helpRunListsTheJobsAndTheirParameters() {
        CliRun run = CliRun.of("help", "run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Jobs:", "  rollup", "mode=full|incremental   (default: full)",
                "from=yyyy-MM-dd   (default: yesterday)", "to=yyyy-MM-dd   (default: yesterday)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "generate", "run", "serve", "help"})
    void everyCommandShowsItsUsageOnHelpOptionsWithoutStartingAnything(String command) {
        for (String option : List.of("--help", "-h")) {
            CliRun run = onUnreachableServers(command, option);

            assertThat(run.exitCode()).as(command + " " + option + ": " + run.err()).isZero();
            assertThat(run.out()).contains("Usage: nightshift " + command + " [-h]");
        }
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

    /** Settings for every server, none reachable: a command that starts the engine fails with exit code 3. */
    private static CliRun onUnreachableServers(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/chain",
                "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=1",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=1",
                "--nightshift.data-dir=" + TestServers.get().dataDir()));
        return CliRun.of(all.toArray(String[]::new));
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
