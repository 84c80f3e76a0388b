package com.nightshift.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nightshift.support.JarProcess;
import com.nightshift.support.TestServers;
import com.nightshift.support.TestUsers;

/** The packaged engine on a database whose schema is behind, as an operator who forgot to migrate sees it. */
class SchemaBehindIT {

    @TempDir
    Path workDir;

    @Test
    void serveStopsWithOneLineOnTheConsoleAndTheStackTraceInTheLog() throws Exception {
        List<String> serve = new ArrayList<>(List.of("serve", "--server.port=0"));
        TestServers.get().serverArguments(TestServers.get().newDatabase("behind_serve")).stream()
                .filter(setting -> !setting.startsWith("--nightshift.data-dir="))
                .forEach(serve::add);
        serve.add("--nightshift.data-dir=" + workDir);

        // with its users, as the operator configured them: the schema is the one thing wrong
        try (JarProcess engine = JarProcess.start(workDir, TestUsers.environment(),
                serve.toArray(String[]::new))) {
            JarProcess.Ended ended = engine.awaitExit(Duration.ofMinutes(2));

            assertThat(ended.exitCode()).isEqualTo(4);
            assertThat(ended.lines()).singleElement().asString()
                    .startsWith("nightshift: the database's schema is behind this version of Nightshift:");
            assertThat(workDir.resolve("logs/nightshift.log")).content()
                    .contains("Command failed: the database's schema is behind")
                    .contains("at com.nightshift.schema.SchemaMigration.requireCurrent(");
        }
    }
}
