package com.nightshift.ops;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.RollupTableState;
import com.nightshift.support.WebIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JobExecutionApiTest extends WebIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate DAY = LocalDate.of(2026, 10, 14);
    private static final int STORES = 40;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;

    @BeforeEach
    void emptyTables() {
        RollupTableState.clear(jdbc);
    }

    @Test
    void startsAJobInTheBackgroundAndReportsItsOutcome() throws Exception {
        aLine().store("杭州西湖店").on(DAY).amount("12.34").insert(jdbc);

        HttpResponse<String> started = api().post("/api/jobs/rollup/executions", fullRun(DAY));

        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode execution = JSON.readTree(started.body());
        assertThat(execution.get("job").asString()).isEqualTo("rollup");
        assertThat(execution.get("parameters").get("mode").asString()).isEqualTo("full");
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/jobs/executions/" + execution.get("id").asLong());
        JsonNode finished = awaitEnd(location);
        assertThat(finished.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(finished.get("exitDescription").asString()).contains("1 partitions committed: 1 order lines");
        assertThat(jdbc.queryForObject("SELECT gross_amount::text FROM rollup_store_daily", String.class))
                .isEqualTo("12.34");
    }

    @Test
    void aSecondStartOfARunThatIsStillGoingIsRefused() throws Exception {
        aLine().store("杭州西湖店").on(DAY).insert(jdbc);
        String first;
        try (Connection lock = dataSource.getConnection(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("LOCK TABLE rollup_store_daily IN ACCESS EXCLUSIVE MODE");
            first = api().post("/api/jobs/rollup/executions", fullRun(DAY)).headers().firstValue("Location")
                    .orElseThrow();

            HttpResponse<String> second = api().post("/api/jobs/rollup/executions", fullRun(DAY));

            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(second.body()).get("detail").asString())
                    .contains("already running: execution " + first.substring(first.lastIndexOf('/') + 1));
            lock.rollback();
        }
        assertThat(awaitEnd(first).get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void aStoppedRunEndsAtAChunkBoundaryAndTheSameParametersResumeIt() throws Exception {
        for (int store = 0; store < STORES; store++) {
            aLine().store("门店" + store).on(DAY).insert(jdbc);
            // a stale row per store, which each partition has to rewrite
            jdbc.update("INSERT INTO rollup_store_daily VALUES (?, ?, 99, 99, 99, 0, 0, 0)", DAY, "门店" + store);
        }
        String location;
        try (Connection lock = dataSource.getConnection(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            // every worker's first chunk waits for these row locks, in the middle of its partitions
            statement.execute("SELECT 1 FROM rollup_store_daily FOR UPDATE");
            location = api().post("/api/jobs/rollup/executions", fullRun(DAY)).headers().firstValue("Location")
                    .orElseThrow();
            await().atMost(Duration.ofSeconds(30)).until(() -> sessionsWaitingForALock() > 0);

            HttpResponse<String> stop = api().post(location + "/stop", "");

            assertThat(stop.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(stop.body()).get("status").asString()).isEqualTo("STOPPING");
            lock.rollback();
        }
        JsonNode stopped = awaitEnd(location);
        assertThat(stopped.get("status").asString()).isEqualTo("STOPPED");
        assertThat(storesRolledUp()).as("the chunks under way when the stop came committed, no more")
                .isBetween(1L, STORES - 1L);

        HttpResponse<String> resumed = api().post("/api/jobs/rollup/executions", fullRun(DAY));

        JsonNode finished = awaitEnd(resumed.headers().firstValue("Location").orElseThrow());
        assertThat(finished.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(finished.get("parameters").get("run.id")).as("the same run, resumed")
                .isEqualTo(stopped.get("parameters").get("run.id"));
        assertThat(storesRolledUp()).isEqualTo(STORES);
    }

    @Test
    void stoppingAnExecutionThatWasNeverRecordedIsNotFound() throws Exception {
        HttpResponse<String> response = api().post("/api/jobs/executions/987654321/stop", "");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).isEqualTo("no job execution 987654321");
    }

    @Test
    void stoppingAnExecutionThatHasEndedIsAConflict() throws Exception {
        aLine().store("杭州西湖店").on(DAY).insert(jdbc);
        String location = api().post("/api/jobs/rollup/executions", fullRun(DAY)).headers().firstValue("Location")
                .orElseThrow();
        awaitEnd(location);

        HttpResponse<String> response = api().post(location + "/stop", "");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(response.body()).get("detail").asString())
                .endsWith("is not running: it is COMPLETED");
    }

    @Test
    void aRunBeyondTheBackgroundThreadsIsRefusedAndNothingIsRecorded() throws Exception {
        List<String> running = new ArrayList<>();
        try (Connection lock = dataSource.getConnection(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("LOCK TABLE rollup_store_daily IN ACCESS EXCLUSIVE MODE");
            for (int day = 0; day < 4; day++) {
                aLine().store("杭州西湖店").on(DAY.plusDays(day)).insert(jdbc);
                running.add(api().post("/api/jobs/rollup/executions", fullRun(DAY.plusDays(day)))
                        .headers().firstValue("Location").orElseThrow());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> running.stream()
                    .allMatch(location -> status(location).equals("STARTED")));
            long executions = executionCount();

            HttpResponse<String> fifth = api().post("/api/jobs/rollup/executions", fullRun(DAY.plusDays(4)));

            assertThat(fifth.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(fifth.body()).get("detail").asString())
                    .contains("nightshift.ops.background-jobs");
            assertThat(executionCount()).isEqualTo(executions);
            lock.rollback();
        }
        for (String location : running) {
            assertThat(awaitEnd(location).get("status").asString()).isEqualTo("COMPLETED");
        }
    }

    @Test
    void anUnknownJobIsNotFoundAndTheAnswerNamesTheJobsThereAre() throws Exception {
        HttpResponse<String> response = api().post("/api/jobs/rolup/executions", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("detail").asString())
                .contains("unknown job 'rolup'").contains("rollup");
    }

    @Test
    void aBadParameterValueIsRefusedBeforeAnythingIsRecorded() throws Exception {
        long executions = executionCount();

        HttpResponse<String> response = api().post("/api/jobs/rollup/executions", "{\"mode\": \"sideways\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("mode").contains("sideways");
        assertThat(executionCount()).isEqualTo(executions);
    }

    @Test
    void aMalformedParameterNameIsRefused() throws Exception {
        HttpResponse<String> response = api().post("/api/jobs/rollup/executions", "{\"1mode\": \"full\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("'1mode=full'");
    }

    @Test
    void anExecutionThatWasNeverRecordedIsNotFound() throws Exception {
        HttpResponse<String> response = api().get("/api/jobs/executions/987654321");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("detail").asString())
                .isEqualTo("no job execution 987654321");
    }

    private static String fullRun(LocalDate day) {
        return "{\"mode\": \"full\", \"from\": \"" + day + "\", \"to\": \"" + day + "\"}";
    }

    /**
     * The execution once it has ended and its summary is written: Spring Batch saves the final status before its
     * listeners run, and saves the summary they write a moment later.
     */
    private JsonNode awaitEnd(String location) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(api().get(location).body()),
                execution -> {
                    String status = execution.get("status").asString();
                    return !status.equals("STARTING") && !status.equals("STARTED") && !status.equals("STOPPING")
                            && !execution.get("exitDescription").asString().isEmpty();
                });
    }

    private String status(String location) {
        return JSON.readTree(api().get(location).body()).get("status").asString();
    }

    private long storesRolledUp() {
        return jdbc.queryForObject("SELECT count(*) FROM rollup_store_daily WHERE lines = 1", Long.class);
    }

    private long sessionsWaitingForALock() {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                + "AND datname = current_database()", Long.class);
    }

    private long executionCount() {
        return jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Long.class);
    }
}
