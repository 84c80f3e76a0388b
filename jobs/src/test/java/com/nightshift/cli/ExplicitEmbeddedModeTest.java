package com.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.nightshift.support.CliRun;
import com.nightshift.support.TestServers;

/** Embedded servers start only where asked for; a setting that is missing otherwise stops the command. */
class ExplicitEmbeddedModeTest {

    @TempDir
    Path dataDir;

    @Test
    void aMissingSettingIsOneLineNamingItsVariableAndNothingStarts() {
        CliRun run = CliRun.of(withSettings(List.of("generate", "--orders", "10"), databaseAndRedis()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("nightshift: no mail server configured: set SPRING_MAIL_HOST "
                + "(spring.mail.host), or pass --embedded (NIGHTSHIFT_EMBEDDED_ENABLED=true) to start embedded servers for "
                + "what is not set");
        assertThat(dataDir.resolve("mail")).doesNotExist();
    }

    @Test
    void withNothingConfiguredEverySettingIsNamedAndNoDatabaseIsCreated() {
        CliRun run = CliRun.of("run", "rollup", "--nightshift.data-dir=" + dataDir);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("nightshift: no database, Redis or mail server configured: set SPRING_DATASOURCE_URL "
                        + "(spring.datasource.url), SPRING_DATA_REDIS_HOST (spring.data.redis.host), SPRING_MAIL_HOST "
                        + "(spring.mail.host), or pass --embedded");
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void migrateNeedsOnlyTheDatabase() {
        String url = TestServers.get().newDatabase("migrate_alone");

        CliRun run = CliRun.of("migrate", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--nightshift.data-dir=" + dataDir);

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--embedded", "--nightshift.embedded.enabled=true"})
    void embeddedModeStartsAServerOnlyForWhatIsNotConfigured(String askedFor) {
        List<String> settings = new ArrayList<>(databaseAndRedis());
        settings.addAll(List.of(askedFor, "--nightshift.embedded.smtp-port=0",
                "--nightshift.schema.migrate-on-start=true"));

        CliRun run = CliRun.of(withSettings(List.of("generate", "--orders", "10", "--seed", "1"), settings));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dataDir.resolve("mail")).isDirectory();
        assertThat(dataDir.resolve("postgres")).doesNotExist();
        assertThat(dataDir.resolve("redis")).doesNotExist();
    }

    @Test
    void anEmbeddedServerThatCannotStartExitsThreeWithOneLineAndItsStackTraceInTheLog() throws IOException {
        Files.writeString(dataDir.resolve("postgres"), "a file where the embedded database's folder belongs");

        CliRun run = CliRun.of("generate", "--orders", "10", "--embedded", "--nightshift.data-dir=" + dataDir);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("nightshift: cannot start the embedded servers under " + dataDir.toAbsolutePath());
        assertThat(dataDir.resolve("logs/nightshift.log")).content()
                .contains("Command failed: cannot start the embedded servers")
                .contains("at com.nightshift.embedded.EmbeddedPostgresServer.start(");
    }

    private List<String> databaseAndRedis() {
        TestServers servers = TestServers.get();
        return List.of("--spring.datasource.url=" + servers.newDatabase("embedded_mode"),
                "--spring.datasource.username=postgres", "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + servers.redis().port(), "--nightshift.data-dir=" + dataDir);
    }

    private static String[] withSettings(List<String> command, List<String> settings) {
        List<String> all = new ArrayList<>(command);
        all.addAll(settings);
        return all.toArray(String[]::new);
    }
}
