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
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.ExpectedRollups;
import com.nightshift.support.RollupTableState;
import com.nightshift.support.WebIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The jobs API beyond starting and stopping: the jobs, the history of executions, one in detail, a restart. */
class JobsApiTest extends WebIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate DAY = LocalDate.of(2026, 9, 14);
    private static final int STORES = 40;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private JobRunner runner;

    @BeforeEach
    void emptyTables() {
        RollupTableState.clear(jdbc);
    }

    @Test
    void theJobsAreListedWithTheirParameters() {
        JsonNode jobs = JSON.readTree(api().get("/api/jobs").body());

        assertThat(jobs.findValuesAsString("name")).contains("rollup", "report", "mode", "from", "to");
        JsonNode rollup = null;
        for (JsonNode job : jobs) {
            if (job.get("name").asString().equals("rollup")) {
                rollup = job;
            }
        }
        assertThat(rollup).as("the rollup job in " + jobs).isNotNull();
        assertThat(rollup.get("summary").asString()).isNotBlank();
        JsonNode mode = rollup.get("parameters").get(0);
        assertThat(mode.get("name").asString()).isEqualTo("mode");
        assertThat(mode.get("type").asString()).isEqualTo("CHOICE");
        assertThat(mode.get("valueForm").asString()).isEqualTo("full|incremental");
        assertThat(mode.get("allowedValues").toString()).isEqualTo("[\"full\",\"incremental\"]");
        assertThat(mode.get("defaultValue").asString()).isNotBlank();
        assertThat(mode.get("description").asString()).isNotBlank();
    }

    @Test
    void pagesOfTheHistoryHoldEveryExecutionOnceNewestFirstWithTheFilters() throws Exception {
        long before = lastExecutionId();
        List<Long> abandoned = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            long id = runner.run("rollup", fullRun(DAY.minusYears(20).plusDays(day))).getId();
            if (day % 3 != 1) {
                // the status is all the filter reads; ABANDONED, unlike FAILED, is never resumed by a later test
                jdbc.update("UPDATE batch_job_execution SET status = 'ABANDONED' WHERE job_execution_id = ?", id);
                abandoned.add(0, id);
            }
        }

        List<Long> seen = new ArrayList<>();
        String next = "/api/jobs/executions?job=rollup&status=abandoned&limit=2";
        while (next != null) {
            JsonNode page = JSON.readTree(api().get(next).body());
            assertThat(page.get("executions").size()).isLessThanOrEqualTo(2);
            page.get("executions").forEach(execution -> {
                assertThat(execution.get("status").asString()).isEqualTo("ABANDONED");
                assertThat(execution.get("job").asString()).isEqualTo("rollup");
                seen.add(execution.get("id").asLong());
            });
            long last = seen.get(seen.size() - 1);
            next = page.get("nextBefore").isNull() || last <= before ? null
                    : "/api/jobs/executions?job=rollup&status=abandoned&limit=2&before="
                    + page.get("nextBefore").asLong();
        }

        assertThat(seen.stream().filter(id -> id > before).toList()).isEqualTo(abandoned);
    }

    @Test
    void anExecutionInTheHistoryHasItsCountsTimesAndWhoStartedIt() throws Exception {
        aLine().store("杭州西湖店").on(DAY).amount("12.34").insert(jdbc);
        String location = api().post("/api/jobs/rollup/executions", json(DAY)).headers().firstValue("Location")
                .orElseThrow();
        JsonNode finished = awaitEnd(location);

        JsonNode listed = JSON.readTree(api().get("/api/jobs/executions?limit=1&job=rollup&since=" + DAY.minusYears(1))
                .body()).get("executions").get(0);

        assertThat(listed.get("id").asLong()).isEqualTo(finished.get("id").asLong());
        assertThat(listed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(listed.get("exitDescription").asString()).contains("1 order lines");
        assertThat(listed.get("parameters").get("mode").asString()).isEqualTo("full");
        assertThat(listed.get("startedBy").get("by").asString()).isEqualTo("api");
        assertThat(listed.get("counts").get("read").asLong()).isPositive();
        assertThat(listed.get("counts")).isEqualTo(finished.get("counts"));
        assertThat(listed.get("durationMillis").asLong()).isNotNegative();
        assertThat(listed.get("startTime").asString()).matches(".*[+-]\\d\\d:\\d\\d|.*Z");
        assertThat(listed.has("steps")).as("steps are for the detail").isFalse();
    }

    @Test
    void sinceLeavesOutWhatWasCreatedBefore() throws Exception {
        runner.run("rollup", fullRun(DAY));

        JsonNode page = JSON.readTree(api().get("/api/jobs/executions?since=" + LocalDate.now().plusDays(1)).body());

        assertThat(page.get("executions").size()).isZero();
        assertThat(page.get("nextBefore").isNull()).isTrue();
    }

    @Test
    void theDetailOfAnExecutionHasItsSteps() {
        aLine().store("杭州西湖店").on(DAY).amount("12.34").insert(jdbc);
        String location = api().post("/api/jobs/rollup/executions", json(DAY)).headers().firstValue("Location")
                .orElseThrow();

        JsonNode detail = awaitEnd(location);

        assertThat(detail.get("steps").size()).isPositive();
        JsonNode step = detail.get("steps").get(0);
        assertThat(step.get("name").asString()).isNotBlank();
        assertThat(step.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(step.get("startTime").isNull()).isFalse();
        assertThat(step.has("counts")).isTrue();
    }

    @Test
    void aScheduledRunShowsItsScheduleAndFire() throws Exception {
        long id = runner.run("rollup", fullRun(DAY), Map.of("schedule", "nightly-rollup",
                "schedule.fire", "2026-09-15T02:00+08:00", "schedule.kind", "SCHEDULED")).getId();

        JsonNode startedBy = JSON.readTree(api().get("/api/jobs/executions?limit=1&before=" + (id + 1)).body())
                .get("executions").get(0).get("startedBy");

        assertThat(startedBy.get("by").asString()).isEqualTo("schedule");
        assertThat(startedBy.get("schedule").asString()).isEqualTo("nightly-rollup");
        assertThat(startedBy.get("fire").asString()).isEqualTo("2026-09-15T02:00+08:00");
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        assertBadParameter("/api/jobs/executions?limit=201", "limit");
        assertBadParameter("/api/jobs/executions?limit=0", "limit");
        assertBadParameter("/api/jobs/executions?status=SIDEWAYS", "status");
        assertBadParameter("/api/jobs/executions?since=yesterday", "since");
        assertBadParameter("/api/jobs/executions?job=rolup", "job");
        assertBadParameter("/api/jobs/executions?before=abc", "before");
    }

    @Test
    void aStoppedRollupRestartedFromWhereItStoppedEndsExact() throws Exception {
        for (int store = 0; store < STORES; store++) {
            aLine().store("门店" + store).on(DAY).amount("1." + store).insert(jdbc);
            // a stale row per store, which each partition has to rewrite
            jdbc.update("INSERT INTO rollup_store_daily VALUES (?, ?, 99, 99, 99, 0, 0, 0)", DAY, "门店" + store);
        }
        String stopped = stoppedRun();
        assertThat(storesRolledUp()).as("stopped part way").isBetween(1L, STORES - 1L);

        HttpResponse<String> restart = api().post(stopped + "/restart", "");

        assertThat(restart.statusCode()).isEqualTo(202);
        JsonNode resumed = awaitEnd(restart.headers().firstValue("Location").orElseThrow());
        assertThat(resumed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(resumed.get("parameters").get("run.id"))
                .isEqualTo(JSON.readTree(api().get(stopped).body()).get("parameters").get("run.id"));
        assertThat(storesRolledUp()).isEqualTo(STORES);
        assertThat(new ExpectedRollups(jdbc).differences()).isZero();

        HttpResponse<String> again = api().post(stopped + "/restart", "");

        assertThat(again.statusCode()).as("the stopped execution was resumed by a later one").isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("detail").asString())
                .contains("execution " + resumed.get("id").asLong() + " is, and it is COMPLETED");
    }

    @Test
    void restartingACompletedExecutionIsAConflict() {
        String location = api().post("/api/jobs/rollup/executions", json(DAY)).headers().firstValue("Location")
                .orElseThrow();
        awaitEnd(location);

        HttpResponse<String> restart = api().post(location + "/restart", "");

        assertThat(restart.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(restart.body()).get("detail").asString()).contains("it is COMPLETED");
    }

    @Test
    void restartingARunningExecutionIsAConflict() throws Exception {
        aLine().store("杭州西湖店").on(DAY).insert(jdbc);
        String location;
        try (Connection lock = dataSource.getConnection(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("LOCK TABLE rollup_store_daily IN ACCESS EXCLUSIVE MODE");
            location = api().post("/api/jobs/rollup/executions", json(DAY)).headers().firstValue("Location")
                    .orElseThrow();

            HttpResponse<String> restart = api().post(location + "/restart", "");

            assertThat(restart.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(restart.body()).get("detail").asString()).contains("is running");
            lock.rollback();
        }
        awaitEnd(location);
    }

    @Test
    void restartingAnExecutionThatWasNeverRecordedIsNotFound() {
        HttpResponse<String> restart = api().post("/api/jobs/executions/987654321/restart", "");

        assertThat(restart.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(restart.body()).get("detail").asString()).isEqualTo("no job execution 987654321");
    }

    /** A rollup stopped part way, each partition's first chunk held up by row locks until the stop is asked. */
    private String stoppedRun() throws Exception {
        String location;
        try (Connection lock = dataSource.getConnection(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("SELECT 1 FROM rollup_store_daily FOR UPDATE");
            location = api().post("/api/jobs/rollup/executions", json(DAY)).headers().firstValue("Location")
                    .orElseThrow();
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM "
                    + "pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
                    Long.class) > 0);
            assertThat(api().post(location + "/stop", "").statusCode()).isEqualTo(202);
            lock.rollback();
        }
        assertThat(awaitEnd(location).get("status").asString()).isEqualTo("STOPPED");
        return location;
    }

    private void assertBadParameter(String path, String parameter) {
        HttpResponse<String> response = api().get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("parameter").asString()).as(path).isEqualTo(parameter);
        assertThat(problem.get("detail").asString()).as(path).contains("'" + parameter + "'");
    }

    private static Map<String, String> fullRun(LocalDate day) {
        return Map.of("mode", "full", "from", day.toString(), "to", day.toString());
    }

    private static String json(LocalDate day) {
        return "{\"mode\": \"full\", \"from\": \"" + day + "\", \"to\": \"" + day + "\"}";
    }

    private long lastExecutionId() {
        return jdbc.queryForObject("SELECT coalesce(max(job_execution_id), 0) FROM batch_job_execution", Long.class);
    }

    private long storesRolledUp() {
        return jdbc.queryForObject("SELECT count(*) FROM rollup_store_daily WHERE lines = 1", Long.class);
    }

    /** The execution once it has ended and its summary is written (see JobExecutionApiTest). */
    private JsonNode awaitEnd(String location) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(api().get(location).body()),
                execution -> {
                    String status = execution.get("status").asString();
                    return !status.equals("STARTING") && !status.equals("STARTED") && !status.equals("STOPPING")
                            && !execution.get("exitDescription").asString().isEmpty();
                });
    }
}
