package com.nightshift.schedules.api;

import static com.nightshift.schedules.ScheduleEngine.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nightshift.ops.HeldRunLock;
import com.nightshift.schedules.FireOutcome;
import com.nightshift.schedules.FireRecord;
import com.nightshift.schedules.FireRecords;
import com.nightshift.schedules.ScheduleEngine;
import com.nightshift.schedules.ScheduleStateException;
import com.nightshift.schedules.ScheduleSync;
import com.nightshift.schedules.Schedules;
import com.nightshift.support.ApiClient;
import com.nightshift.support.TestServers;
import com.nightshift.support.TestUsers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchedulesApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static String jdbcUrl;
    private static Path folder;
    private static ScheduleEngine engine;

    @BeforeAll
    static void startEngine() throws Exception {
        jdbcUrl = TestServers.get().newDatabase("schedules_api");
        folder = Files.createTempDirectory("schedules-api-");
        // one background run at a time: a test takes it to see a manual fire refused for want of room
        List<String> web = new ArrayList<>(List.of("--spring.main.web-application-type=servlet", "--server.port=0",
                "--nightshift.ops.background-jobs=1"));
        web.addAll(TestUsers.arguments());
        engine = ScheduleEngine.start(jdbcUrl, folder, "nightshift-schedules-api-test", web.toArray(String[]::new));
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void threeSchedules() {
        ScheduleEngine.clear(folder);
        ScheduleEngine.write(folder, "a-daily.yml", schedule("daily", "rollup", "0 0 1 * * ?", "catch-up",
                "mode=full", "from=${yesterday}", "to=${yesterday}"));
        ScheduleEngine.write(folder, "b-incremental.yml", schedule("incremental", "rollup", "0 0 2 * * ?", "skip",
                "mode=incremental"));
        ScheduleEngine.write(folder, "c-off.yml", schedule("off", "rollup", "0 0 3 * * ?", "skip",
                "mode=incremental") + "enabled: false\n");
        engine.bean(ScheduleSync.class).reload();
        resumeIfPaused("daily");
        resumeIfPaused("incremental");
    }

    @Test
    void theListShowsEverySchedulesDefinitionStateAndNextFiresInItsZoneAndInUtc() throws Exception {
        HttpResponse<String> response = api().get("/api/schedules");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(response.body());
        assertThat(list.findValuesAsString("name")).containsExactly("daily", "incremental", "off");
        JsonNode daily = list.get(0);
        assertThat(daily.get("job").asString()).isEqualTo("rollup");
        assertThat(daily.get("cron").asString()).isEqualTo("0 0 1 * * ?");
        assertThat(daily.get("zone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(daily.get("parameters").get("from").asString()).isEqualTo("${yesterday}");
        assertThat(daily.get("misfire").asString()).isEqualTo("CATCH_UP");
        assertThat(daily.get("catchUpLimit").asInt()).isEqualTo(7);
        assertThat(daily.get("state").asString()).isEqualTo("NORMAL");
        JsonNode next = daily.get("nextFires").get(0);
        OffsetDateTime local = OffsetDateTime.parse(next.get("zone").asString());
        OffsetDateTime utc = OffsetDateTime.parse(next.get("utc").asString());
        assertThat(local.toInstant()).isEqualTo(utc.toInstant()).isAfter(Instant.now());
        assertThat(local.getOffset().getId()).isEqualTo("+08:00");
        assertThat(local.toLocalTime()).hasToString("01:00");
        assertThat(utc.toLocalTime()).hasToString("17:00");
        assertThat(list.get(2).get("state").asString()).isEqualTo("DISABLED");
        assertThat(list.get(2).get("nextFires")).isEmpty();
    }

    @Test
    void aPreviewGivesTheNextFiresInItsZoneAndInUtcEachWithItsResolvedParameters() throws Exception {
        HttpResponse<String> response = api().get("/api/schedules/daily/preview?count=3");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode fires = JSON.readTree(response.body()).get("fires");
        assertThat(fires).hasSize(3);
        for (JsonNode fire : fires) {
            OffsetDateTime local = OffsetDateTime.parse(fire.get("time").get("zone").asString());
            assertThat(OffsetDateTime.parse(fire.get("time").get("utc").asString()).toInstant())
                    .isEqualTo(local.toInstant());
            String yesterday = local.toLocalDate().minusDays(1).toString();
            assertThat(fire.get("parameters").get("from").asString()).isEqualTo(yesterday);
            assertThat(fire.get("parameters").get("to").asString()).isEqualTo(yesterday);
        }
        assertThat(JSON.readTree(api().get("/api/schedules/daily/preview").body()).get("fires")).hasSize(5);
    }

    @Test
    void aPreviewOfNoFireOrMoreThanAHundredIsABadRequest() throws Exception {
        for (String count : new String[]{"0", "101", "-1"}) {
            HttpResponse<String> response = api().get("/api/schedules/daily/preview?count=" + count);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("detail").asString())
                    .isEqualTo("'count' must be between 1 and 100, was " + count);
        }
    }

    @Test
    void anUnknownScheduleIsNotFoundWhateverIsAsked() throws Exception {
        for (HttpResponse<String> response : new HttpResponse[]{api().get("/api/schedules/nope/preview"),
                api().post("/api/schedules/nope/pause"), api().post("/api/schedules/nope/resume"),
                api().post("/api/schedules/nope/fire")}) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("detail").asString())
                    .isEqualTo("no schedule named 'nope'; the schedules are: daily, incremental, off");
        }
    }

    @Test
    void aPausedScheduleShowsPausedAndCannotBePausedAgain() throws Exception {
        HttpResponse<String> paused = api().post("/api/schedules/daily/pause");

        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(paused.body()).get("state").asString()).isEqualTo("PAUSED");
        HttpResponse<String> again = api().post("/api/schedules/daily/pause");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("detail").asString())
                .isEqualTo("schedule 'daily' is paused already");
    }

    @Test
    void aResumedScheduleShowsNormalAndCannotBeResumedAgain() throws Exception {
        api().post("/api/schedules/daily/pause");

        HttpResponse<String> resumed = api().post("/api/schedules/daily/resume");

        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(resumed.body()).get("state").asString()).isEqualTo("NORMAL");
        HttpResponse<String> again = api().post("/api/schedules/daily/resume");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("detail").asString()).isEqualTo("schedule 'daily' is not paused");
    }

    @Test
    void aDisabledScheduleCannotBePaused() throws Exception {
        HttpResponse<String> response = api().post("/api/schedules/off/pause");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("disabled");
    }

    @Test
    void aManualFireRunsTheJobNowWithItsParametersResolvedNow() throws Exception {
        HttpResponse<String> response = api().post("/api/schedules/daily/fire");

        assertThat(response.statusCode()).isIn(200, 202);
        JsonNode fire = JSON.readTree(response.body());
        assertThat(fire.get("kind").asString()).isEqualTo("MANUAL");
        String yesterday = LocalDate.ofInstant(Instant.parse(fire.get("fireTime").get("utc").asString()), SHANGHAI)
                .minusDays(1).toString();
        assertThat(fire.get("parameters").asString())
                .isEqualTo("from=" + yesterday + " mode=full to=" + yesterday);
        long id = fire.get("id").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                engine.bean(FireRecords.class).byId(id).orElseThrow().outcome().name().equals("COMPLETED"));
        long execution = engine.bean(FireRecords.class).byId(id).orElseThrow().executionId();
        assertThat(engine.jdbc().queryForObject("SELECT parameter_value FROM batch_job_execution_params "
                + "WHERE job_execution_id = ? AND parameter_name = 'schedule.kind'", String.class, execution))
                .isEqualTo("MANUAL");
        JsonNode previous = JSON.readTree(api().get("/api/schedules").body()).get(0).get("previousFire");
        assertThat(previous.get("kind").asString()).isEqualTo("MANUAL");
        assertThat(previous.get("outcome").asString()).isEqualTo("COMPLETED");
        assertThat(previous.get("executionId").asLong()).isEqualTo(execution);
        assertThat(previous.get("time").get("utc").asString()).isEqualTo(fire.get("fireTime").get("utc").asString());
    }

    @Test
    void aManualFireFindingItsJobRunningIsAConflictAndRecordedAsRefused() throws Exception {
        try (HeldRunLock running = HeldRunLock.hold(jdbcUrl, "rollup", Map.of("mode", "incremental"))) {
            HttpResponse<String> response = api().post("/api/schedules/incremental/fire");

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("already");
        }
        assertThat(engine.bean(FireRecords.class).latest("incremental").orElseThrow().outcome().name())
                .isEqualTo("REFUSED");
    }

    @Test
    void aManualFireThisInstanceHasNoRoomForIsUnavailableAndRecordedAsRefusedSayingWhy() throws Exception {
        FireRecords records = engine.bean(FireRecords.class);
        long busy;
        try (Connection lock = DriverManager.getConnection(jdbcUrl, "postgres", null);
             Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("LOCK TABLE rollup_store_daily IN ACCESS EXCLUSIVE MODE");
            // its run waits for the table on the one background thread
            busy = engine.bean(Schedules.class).fire("daily").id();
            long execution = records.byId(busy).orElseThrow().executionId();
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.jdbc().queryForObject(
                    "SELECT status FROM batch_job_execution WHERE job_execution_id = ?", String.class, execution)
                    .equals("STARTED"));

            HttpResponse<String> response = api().post("/api/schedules/incremental/fire");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(response.body()).get("detail").asString())
                    .contains("nightshift.ops.background-jobs");
            lock.rollback();
        }
        FireRecord refused = records.latest("incremental").orElseThrow();
        assertThat(refused.outcome()).isEqualTo(FireOutcome.REFUSED);
        assertThat(refused.message()).startsWith("this instance already runs 1 jobs")
                .contains("nightshift.ops.background-jobs");
        assertThat(refused.executionId()).isNull();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                records.byId(busy).orElseThrow().outcome() != FireOutcome.STARTED);
    }

    @Test
    void aReloadOfBadFilesIsABadRequestListingEveryProblemAndChangesNothing() throws Exception {
        ScheduleEngine.write(folder, "d-bad.yml", schedule("bad", "rollup", "0 0 25 * * ?", "sometimes",
                "mode=sideways"));

        HttpResponse<String> response = api().post("/api/schedules/reload");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("errors")).hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode error : problem.get("errors")) {
            assertThat(error.asString()).contains("d-bad.yml").contains("'bad'");
        }
        assertThat(JSON.readTree(api().get("/api/schedules").body()).findValuesAsString("name"))
                .containsExactly("daily", "incremental", "off");
    }

    @Test
    void aReloadSaysWhatWasAddedChangedRemovedAndLeftAsItWas() throws Exception {
        ScheduleEngine.write(folder, "a-daily.yml", schedule("daily", "rollup", "0 30 1 * * ?", "catch-up",
                "mode=full", "from=${yesterday}", "to=${yesterday}"));
        Files.delete(folder.resolve("b-incremental.yml"));
        ScheduleEngine.write(folder, "e-new.yml", schedule("new", "rollup", "0 0 5 * * ?", "skip",
                "mode=incremental"));

        HttpResponse<String> response = api().post("/api/schedules/reload");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode summary = JSON.readTree(response.body());
        assertThat(summary.get("added").toString()).isEqualTo("[\"new\"]");
        assertThat(summary.get("changed").toString()).isEqualTo("[\"daily\"]");
        assertThat(summary.get("removed").toString()).isEqualTo("[\"incremental\"]");
        assertThat(summary.get("unchanged").toString()).isEqualTo("[]");
    }

    private static void resumeIfPaused(String name) {
        try {
            engine.bean(Schedules.class).resume(name);
        } catch (ScheduleStateException notPaused) {
            // the state each test starts from
        }
    }

    /** The API as an operator. */
    private static ApiClient api() {
        return ApiClient.on(Integer.parseInt(engine.property("local.server.port")));
    }
}
