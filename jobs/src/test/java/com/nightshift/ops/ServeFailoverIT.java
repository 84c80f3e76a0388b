package com.nightshift.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.ApiClient;
import com.nightshift.support.CliRun;
import com.nightshift.support.ExpectedRollups;
import com.nightshift.support.JarProcess;
import com.nightshift.support.Migrations;
import com.nightshift.support.TestServers;
import com.nightshift.support.TestUsers;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Two {@code serve} processes on one database, as a chain runs them. A rollup started through the first one's
 * API loses its process to kill -9 in the middle; the second one resumes it on its own. Then the second one is
 * asked to stop (SIGTERM) in the middle of the resumed run: it stops the run at a chunk boundary, hands it over
 * and ends with exit 0; the next {@code serve} to start finishes it. The run waits where the test wants it at a
 * gate: a trigger on one store's rows takes a shared advisory lock that the test holds until it opens the gate.
 */
class ServeFailoverIT {

    private static final Logger log = LoggerFactory.getLogger(ServeFailoverIT.class);
    private static final String FROM = "2026-10-01";
    private static final String TO = "2026-11-09";
    private static final long GATE = 42_424_242L;
    private static final Duration START = Duration.ofMinutes(3);
    private static final Pattern EXECUTION_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    @TempDir
    Path workDir;

    @Test
    void aRunWhoseServerIsKilledIsResumedByTheOtherWhichOnSigtermStopsItExitsZeroAndTheNextServerFinishesIt() throws Exception {
        String url = TestServers.get().newDatabase("failover");
        assertThat(CliRun.onDatabase(url, "generate", "--orders", "8000", "--days", "40", "--stores", "10",
                "--seed", "5", "--until", TO).exitCode()).isZero();
        try (HikariDataSource dataSource = Migrations.dataSource(url);
             Connection gate = dataSource.getConnection(); Statement gateStatement = gate.createStatement()) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            gateStatement.execute("SELECT pg_advisory_lock(" + GATE + ")");
            closeGateOnFourthStore(jdbc);

            List<String> committedBeforeKill;
            long killedExecution;
            long resumed;
            try (JarProcess first = serve(url, "first");
                 JarProcess other = serve(url, "second")) {
                int firstPort = first.awaitServing(START);
                other.awaitServing(START);
                killedExecution = startRollup(firstPort);
                await().atMost(Duration.ofMinutes(2)).until(() -> backendsAtTheGate(jdbc).size() == 1);
                long stalledBackend = backendsAtTheGate(jdbc).get(0);
                committedBeforeKill = rowVersions(jdbc);

                long killedAt = System.nanoTime();
                first.kill();
                // a killed client's statement waits on until it next talks to the client; end it as an operator would
                jdbc.queryForList("SELECT pg_terminate_backend(?::int)", stalledBackend);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                        .until(() -> executionsOfTheRun(jdbc, killedExecution) == 2);
                long resumedAfterMillis = (System.nanoTime() - killedAt) / 1_000_000;
                log.info("The second server resumed the killed run {} ms after the kill", resumedAfterMillis);
                System.out.printf("ServeFailoverIT: resumed %d ms after kill -9%n", resumedAfterMillis);

                assertThat(other.awaitLine("Job execution " + killedExecution, Duration.ofSeconds(30)))
                        .last().asString().contains("was left STARTED by a process that died: marked FAILED and "
                                + "resumed from its last committed chunk as execution");
                resumed = newestExecutionOfTheRun(jdbc, killedExecution);
                await().atMost(Duration.ofMinutes(1)).until(() -> backendsAtTheGate(jdbc).stream()
                        .anyMatch(backend -> backend != stalledBackend));

                CompletableFuture<Integer> stopped = CompletableFuture.supplyAsync(() -> stop(other));
                await().atMost(Duration.ofMinutes(1)).until(() -> "STOPPING".equals(status(jdbc, resumed)));
                gateStatement.execute("SELECT pg_advisory_unlock(" + GATE + ")");
                int exitCode = stopped.get();

                assertThat(exitCode).as(String.join("\n", other.awaitExit(Duration.ofMinutes(1)).lines()))
                        .isZero();
                assertThat(status(jdbc, killedExecution)).isEqualTo("FAILED");
                assertThat(status(jdbc, resumed)).isEqualTo("STOPPED");
                assertThat(exitCode(jdbc, resumed)).isEqualTo(JobHistory.STOPPED_BY_SHUTDOWN);
                assertThat(storesRolledUp(jdbc)).as("stores left for the next start").isBetween(3L, 9L);
            }
            assertThat(Files.readAllLines(workDir.resolve("second.log")))
                    .anyMatch(line -> line.contains("Received SIGTERM"))
                    .noneMatch(line -> line.contains(" ERROR "));

            try (JarProcess next = serve(url, "next")) {
                next.awaitServing(START);
                assertThat(next.awaitLine("Job execution " + resumed, Duration.ofSeconds(30))).last().asString()
                        .contains("was stopped by the shutdown of its instance: resumed from where it stopped");
                long finished = newestExecutionOfTheRun(jdbc, killedExecution);
                await().atMost(Duration.ofMinutes(2)).until(() -> "COMPLETED".equals(status(jdbc, finished)));
                assertThat(next.stop(Duration.ofMinutes(1))).isZero();
            }

            assertThat(executionsOfTheRun(jdbc, killedExecution)).as("killed, resumed and stopped, finished")
                    .isEqualTo(3);
            assertThat(rowVersions(jdbc)).as("partitions committed before the kill are not redone")
                    .containsAll(committedBeforeKill);
            assertThat(storesRolledUp(jdbc)).isEqualTo(10);
            assertThat(new ExpectedRollups(jdbc).differences()).isZero();
        }
    }

    /** The fourth store's rows wait for the gate: two partitions commit before it, one per store. */
    private static void closeGateOnFourthStore(JdbcTemplate jdbc) {
        String store = jdbc.queryForList("SELECT DISTINCT store_name FROM orders ORDER BY 1", String.class).get(3);
        jdbc.execute("""
                CREATE FUNCTION test_gate() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.store_name = '%s' THEN PERFORM pg_advisory_xact_lock_shared(%d); END IF; RETURN NEW; END $$
                """.formatted(store, GATE));
        jdbc.execute("CREATE TRIGGER test_gate BEFORE INSERT ON rollup_store_daily "
                + "FOR EACH ROW EXECUTE FUNCTION test_gate()");
    }

    private static long startRollup(int port) throws Exception {
        HttpResponse<String> response = ApiClient.on(port).post("/api/jobs/rollup/executions",
                "{\"mode\": \"full\", \"from\": \"" + FROM + "\", \"to\": \"" + TO + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        Matcher id = EXECUTION_ID.matcher(response.body());
        assertThat(id.find()).as(response.body()).isTrue();
        return Long.parseLong(id.group(1));
    }

    /** An instance serving with the test users, as an operator's deployment configures them. */
    private JarProcess serve(String url, String name) throws Exception {
        return JarProcess.start(workDir, TestUsers.environment(), serveArguments(url, name));
    }

    private String[] serveArguments(String url, String name) throws Exception {
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(TestServers.get().engineArguments(url));
        all.add("--server.port=0");
        all.add("--logging.file.name=" + workDir.resolve(name + ".log"));
        // no schedule fires beside the test's run
        all.add("--nightshift.schedules.dir=" + Files.createDirectories(workDir.resolve("no-schedules")));
        all.add("--nightshift.rollup.threads=1");
        // two partitions (one store each) per transaction, five transactions: the gate holds back the second
        all.add("--nightshift.rollup.partitions-per-transaction=2");
        return all.toArray(String[]::new);
    }

    private static int stop(JarProcess process) {
        try {
            return process.stop(Duration.ofMinutes(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server processes of the runs waiting at the gate. */
    private static List<Long> backendsAtTheGate(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                + "AND ((classid::bigint << 32) | objid::bigint) = ?", Long.class, GATE);
    }

    private static long executionsOfTheRun(JdbcTemplate jdbc, long execution) {
        return jdbc.queryForObject("SELECT count(*) FROM batch_job_execution WHERE job_instance_id = "
                + "(SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?)", Long.class, execution);
    }

    private static long newestExecutionOfTheRun(JdbcTemplate jdbc, long execution) {
        return jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution WHERE job_instance_id = "
                + "(SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?)", Long.class, execution);
    }

    private static String status(JdbcTemplate jdbc, long execution) {
        return jdbc.queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?", String.class,
                execution);
    }

    private static String exitCode(JdbcTemplate jdbc, long execution) {
        return jdbc.queryForObject("SELECT exit_code FROM batch_job_execution WHERE job_execution_id = ?",
                String.class, execution);
    }

    private static long storesRolledUp(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(DISTINCT store_name) FROM rollup_store_daily", Long.class);
    }

    /** Each store's rows with the transaction that wrote them (one partition per store here). */
    private static List<String> rowVersions(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT store_name || ' ' || string_agg(DISTINCT xmin::text, ',') "
                + "FROM rollup_store_daily GROUP BY store_name", String.class);
    }
}
