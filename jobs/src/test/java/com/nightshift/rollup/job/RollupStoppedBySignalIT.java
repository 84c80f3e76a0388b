package com.nightshift.rollup.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.CliRun;
import com.nightshift.support.ExpectedRollups;
import com.nightshift.support.JarProcess;
import com.nightshift.support.Migrations;
import com.nightshift.support.TestServers;
import com.zaxxer.hikari.HikariDataSource;

/** A rollup whose process is asked to stop (SIGTERM) in the middle of a chunk, then run again. */
class RollupStoppedBySignalIT {

    private static final String[] RUN = {"run", "rollup", "mode=full", "from=2026-10-01", "to=2026-11-09"};
    private static final int STALE = 1000;

    @TempDir
    Path workDir;

    @Test
    void sigtermStopsTheRunAtAChunkBoundarySaysHowToResumeAndTheSameCommandFinishesIt() throws Exception {
        String url = TestServers.get().newDatabase("signalled");
        assertThat(CliRun.onDatabase(url, "generate", "--orders", "6000", "--days", "40", "--stores", "6",
                "--seed", "3", "--until", "2026-11-09").exitCode()).isZero();
        assertThat(CliRun.onDatabase(url, RUN).exitCode()).isZero();
        Path log = workDir.resolve("nightshift.log");
        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            // every key differs from its lines now, so each partition has to rewrite its rows
            jdbc.update("UPDATE rollup_store_daily SET lines = lines + ?", STALE);
            int exitCode;
            List<String> output;
            try (Connection operator = dataSource.getConnection(); Statement statement = operator.createStatement();
                 JarProcess rollup = JarProcess.start(workDir, engineArguments(url, log))) {
                operator.setAutoCommit(false);
                // the first chunk waits for these row locks: SIGTERM arrives in the middle of it
                statement.execute("SELECT 1 FROM rollup_store_daily FOR UPDATE");
                await().atMost(Duration.ofMinutes(2)).until(() -> waitingForALock(jdbc));

                CompletableFuture<Integer> stopped = CompletableFuture.supplyAsync(() -> stop(rollup));
                await().atMost(Duration.ofMinutes(1)).until(() -> "STOPPING".equals(lastStatus(jdbc)));
                operator.rollback();
                exitCode = stopped.get();
                output = rollup.awaitExit(Duration.ofMinutes(1)).lines();
            }

            assertThat(exitCode).as(String.join("\n", output)).isEqualTo(143);
            assertThat(output).anyMatch(line -> line.startsWith("Job rollup STOPPED"));
            assertThat(output).contains("nightshift: job rollup was stopped at a chunk boundary because the process "
                    + "was asked to stop; run the same command again to resume it");
            assertThat(lastStatus(jdbc)).isEqualTo("STOPPED");
            assertThat(staleStores(jdbc)).as("stores left for the next run").isBetween(1L, 5L);
            assertThat(Files.readAllLines(log)).as("the log of the stopped run")
                    .noneMatch(line -> line.contains(" ERROR "))
                    .anyMatch(line -> line.contains("ended STOPPED: stopped after"));

            CliRun again = CliRun.onDatabase(url, RUN);

            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).contains("Job rollup COMPLETED");
            assertThat(staleStores(jdbc)).isZero();
            assertThat(new ExpectedRollups(jdbc).differences()).isZero();
        }
    }

    private static int stop(JarProcess process) {
        try {
            return process.stop(Duration.ofMinutes(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean waitingForALock(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                + "AND datname = current_database()", Long.class) > 0;
    }

    private static String lastStatus(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT status FROM batch_job_execution ORDER BY job_execution_id DESC LIMIT 1",
                String.class);
    }

    private static long staleStores(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(DISTINCT store_name) FROM rollup_store_daily WHERE lines > ?",
                Long.class, STALE);
    }

    private static String[] engineArguments(String url, Path log) {
        List<String> all = new ArrayList<>(List.of(RUN));
        all.addAll(TestServers.get().engineArguments(url));
        all.add("--logging.file.name=" + log);
        all.add("--nightshift.rollup.threads=1");
        // three transactions of two partitions (one store each): the stop lands between them
        all.add("--nightshift.rollup.partitions-per-transaction=2");
        return all.toArray(String[]::new);
    }
}
