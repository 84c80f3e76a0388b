package com.nightshift.schedules.console;

import static com.nightshift.schedules.ScheduleEngine.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.ops.HeldRunLock;
import com.nightshift.schedules.FireRecords;
import com.nightshift.schedules.ScheduleEngine;
import com.nightshift.schedules.ScheduleStateException;
import com.nightshift.schedules.Schedules;
import com.nightshift.support.AuditTrail;
import com.nightshift.support.ConsoleClient;
import com.nightshift.support.TestServers;
import com.nightshift.support.TestUsers;
import com.nightshift.support.WebIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schedules page on a folder of this class's own (names no other test uses, as fires are kept in the shared
 * database): what it shows, and that its buttons do what the API's do and are audited as the API's are.
 */
@TestPropertySource(properties = {"nightshift.security.enabled=true",
        "spring.quartz.scheduler-name=nightshift-schedules-console-test"})
class SchedulesConsoleTest extends WebIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path FOLDER = folder();

    @Autowired
    Schedules schedules;
    @Autowired
    FireRecords fires;
    @Autowired
    JdbcTemplate jdbc;

    private ConsoleClient operator;
    private AuditTrail audit;

    @DynamicPropertySource
    static void scheduleFolder(DynamicPropertyRegistry registry) {
        registry.add("nightshift.schedules.dir", FOLDER::toString);
    }

    @BeforeEach
    void threeSchedules() {
        ScheduleEngine.clear(FOLDER);
        ScheduleEngine.write(FOLDER, "a-daily.yml", schedule("console-daily", "rollup", "0 0 1 * * ?", "catch-up",
                "mode=full", "from=${yesterday}", "to=${yesterday}"));
        ScheduleEngine.write(FOLDER, "b-old.yml", schedule("console-old", "rollup", "0 30 2 ? * MON", "skip",
                "mode=full", "from=2019-01-01", "to=2019-01-01"));
        ScheduleEngine.write(FOLDER, "c-off.yml", schedule("console-off", "rollup", "0 0 3 * * ?", "skip",
                "mode=incremental") + "enabled: false\n");
        schedules.reload();
        resumeIfPaused("console-daily");
        resumeIfPaused("console-old");
        operator = console().logIn(TestUsers.OPERATOR);
        audit = AuditTrail.since(jdbc);
    }

    @Test
    void everyScheduleIsShownWithItsJobTimesInWordsStateAndNextFires() {
        String page = operator.get("/console/schedules").body();

        assertThat(page).contains("data-schedule=\"console-daily\"", "data-schedule=\"console-old\"",
                "data-schedule=\"console-off\"", "每天 01:00", "每周一 02:30", "0 0 1 * * ?", "Asia/Shanghai",
                "mode=full", "from=${yesterday}");
        assertThat(row(page, "console-daily")).contains("data-state=\"NORMAL\"", "正常", "button class=\"pause",
                "class=\"preview\"");
        assertThat(row(page, "console-off")).contains("data-state=\"DISABLED\"", "已停用")
                .doesNotContain("button class=\"pause").doesNotContain("button class=\"resume");
        assertThat(row(page, "console-daily")).containsPattern("20\\d\\d-\\d\\d-\\d\\d 01:00");
    }

    @Test
    void pausingFromThePagePausesItAsTheApiShowsAndRecordsWhoDid() throws Exception {
        HttpResponse<String> answer = pagePost("/console/schedules/console-daily/pause");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(apiState("console-daily")).isEqualTo("PAUSED");
        audit.recordedOnce(TestUsers.OPERATOR.user(), "pause", "schedules/console-daily", 200, null);
        String page = operator.get("/console/schedules").body();
        assertThat(page).contains("id=\"notice\"", "已暂停计划 console-daily");
        assertThat(row(page, "console-daily")).contains("data-state=\"PAUSED\"", "li 于 ", "button class=\"resume")
                .doesNotContain("button class=\"pause");
        assertThat(row(page, "console-daily")).as("its next times are not promised while paused")
                .contains("暂停期间以下时间不会运行");
    }

    /** Regression: the pauser was looked for among the last 20 actions of any kind, so 20 fires hid them. */
    @Test
    void whoPausedIsShownHoweverOftenTheScheduleWasFiredSince() {
        pagePost("/console/schedules/console-daily/pause");
        for (int fire = 0; fire < 25; fire++) {
            jdbc.update("INSERT INTO operator_action (user_name, action, target, status, outcome, address) "
                    + "VALUES ('zhang', 'fire', 'schedules/console-daily', 202, NULL, '10.0.0.9')");
        }

        assertThat(row(operator.get("/console/schedules").body(), "console-daily")).contains("li 于 ")
                .doesNotContain("zhang");
    }

    @Test
    void resumingFromThePageResumesItAsTheApiShowsAndIsRecorded() throws Exception {
        schedules.pause("console-daily");

        HttpResponse<String> answer = pagePost("/console/schedules/console-daily/resume");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(apiState("console-daily")).isEqualTo("NORMAL");
        audit.recordedOnce(TestUsers.OPERATOR.user(), "resume", "schedules/console-daily", 200, null);
        assertThat(operator.get("/console/schedules").body()).contains("已恢复计划 console-daily");
    }

    @Test
    void pausingAPausedScheduleShowsAProblemAndIsRecordedAsTheApisConflict() {
        schedules.pause("console-daily");

        pagePost("/console/schedules/console-daily/pause");

        audit.recordedOnce(TestUsers.OPERATOR.user(), "pause", "schedules/console-daily", 409, null);
        assertThat(operator.get("/console/schedules").body()).contains("id=\"problem\"",
                "计划 console-daily 已经暂停或已停用");
    }

    @Test
    void anUnknownScheduleShowsAProblemAndIsRecordedAsNotFound() {
        pagePost("/console/schedules/console-nope/fire");

        audit.recordedOnce(TestUsers.OPERATOR.user(), "fire", "schedules/console-nope", 404, null);
        assertThat(operator.get("/console/schedules").body()).contains("id=\"problem\"", "没有名为 console-nope 的计划");
    }

    @Test
    void firingFromThePageRunsTheJobAndTheRowShowsHowItEnded() {
        pagePost("/console/schedules/console-old/fire");

        long fire = fires.latest("console-old").orElseThrow().id();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !fires.byId(fire).orElseThrow().outcome().name().equals("STARTED"));
        long execution = fires.byId(fire).orElseThrow().executionId();
        // answered as the API answers a fire whose run goes on: 202 and the execution's address
        audit.recordedOnce(TestUsers.OPERATOR.user(), "fire", "schedules/console-old", 202,
                "/api/jobs/executions/" + execution);
        String page = operator.get("/console/schedules").body();
        assertThat(page).contains("已立即运行计划 console-old（执行 #" + execution + "）");
        assertThat(row(page, "console-old")).contains("data-outcome=\"COMPLETED\"", "手动",
                "href=\"/console/executions/" + execution + "\"");
    }

    @Test
    void aFireFindingItsJobRunningShowsAProblemAndIsRecordedAsTheApisConflict() throws Exception {
        try (HeldRunLock running = HeldRunLock.hold(TestServers.get().jdbcUrl(), "rollup",
                Map.of("mode", "full", "from", "2019-01-01", "to", "2019-01-01"))) {
            pagePost("/console/schedules/console-old/fire");
        }

        audit.recordedOnce(TestUsers.OPERATOR.user(), "fire", "schedules/console-old", 409, null);
        assertThat(operator.get("/console/schedules").body()).contains("id=\"problem\"", "正以相同参数运行中");
    }

    @Test
    void aReloadFromThePageSaysWhatChanged() {
        ScheduleEngine.write(FOLDER, "d-new.yml", schedule("console-new", "rollup", "0 0 5 1 * ?", "skip",
                "mode=incremental"));

        pagePost("/console/schedules/reload");

        audit.recordedOnce(TestUsers.OPERATOR.user(), "reload", "schedules", 200, null);
        String page = operator.get("/console/schedules").body();
        assertThat(page).contains("新增 1 (console-new)，修改 0，删除 0，未变 2");
        assertThat(row(page, "console-new")).contains("每月 1 日 05:00");
    }

    @Test
    void aReloadOfBadFilesListsEveryProblemChangesNothingAndIsRecordedAsABadRequest() throws Exception {
        ScheduleEngine.write(FOLDER, "d-bad.yml", schedule("console-bad", "rollup", "0 0 25 * * ?", "sometimes",
                "mode=sideways"));

        pagePost("/console/schedules/reload");

        audit.recordedOnce(TestUsers.OPERATOR.user(), "reload", "schedules", 400, null);
        String page = operator.get("/console/schedules").body();
        assertThat(page).contains("id=\"problem\"", "id=\"reload-problems\"", "d-bad.yml")
                .doesNotContain("data-schedule=\"console-bad\"");
        assertThat(JSON.readTree(api().get("/api/schedules").body()).findValuesAsString("name"))
                .doesNotContain("console-bad");
    }

    @Test
    void aViewerSeesNoButtonsAndIsForbiddenToPause() {
        ConsoleClient viewer = console().logIn(TestUsers.VIEWER);
        String page = viewer.get("/console/schedules").body();

        HttpResponse<String> answer = viewer.post("/console/schedules/console-daily/pause", Map.of());

        assertThat(page).contains("data-schedule=\"console-daily\"", "class=\"preview\"")
                .doesNotContain("<button class=\"pause").doesNotContain("<button class=\"fire")
                .doesNotContain("id=\"reload\"");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(schedules.statuses(0).stream().filter(s -> s.definition().name().equals("console-daily"))
                .findFirst().orElseThrow().state().name()).isEqualTo("NORMAL");
    }

    @Test
    void thePreviewListsTheNextFiresEachWithTheParametersItsRunWouldGet() {
        String page = operator.get("/console/schedules/console-daily/preview?count=4").body();

        List<String> rows = page.lines().filter(line -> line.contains("class=\"time\"")).toList();
        assertThat(rows).hasSize(4).allMatch(line -> line.matches(".*20\\d\\d-\\d\\d-\\d\\d 01:00.*"));
        assertThat(page).containsPattern("from=20\\d\\d-\\d\\d-\\d\\d").doesNotContain("${yesterday}");
    }

    @Test
    void aPreviewOfNoFireOrMoreThanAHundredIsABadRequestSayingTheRange() {
        HttpResponse<String> page = operator.get("/console/schedules/console-daily/preview?count=101");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("预览次数应在 1 到 100 之间，收到的是 101");
    }

    @Test
    void aBadPreviewSaysWhyInEnglishWhenAskedFor() {
        HttpResponse<String> page = operator.get("/console/schedules/console-daily/preview?count=0&lang=en");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("must be between 1 and 100, not 0");
    }

    @Test
    void aPreviewOfAnUnknownScheduleIsNotFound() {
        assertThat(operator.get("/console/schedules/console-nope/preview").statusCode()).isEqualTo(404);
    }

    @Test
    void thePageIsInEnglishWhenAskedFor() {
        String page = operator.get("/console/schedules?lang=en").body();

        assertThat(page).contains("Schedules", "every day at 01:00", "every Monday at 02:30", ">Active<",
                ">Disabled<", ">Pause<", ">Reload<");
    }

    private HttpResponse<String> pagePost(String path) {
        operator.get("/console/schedules");
        return operator.post(path, Map.of());
    }

    private String apiState(String name) throws Exception {
        for (JsonNode schedule : JSON.readTree(api().get("/api/schedules").body())) {
            if (schedule.get("name").asString().equals(name)) {
                return schedule.get("state").asString();
            }
        }
        throw new AssertionError("the API lists no " + name);
    }

    /** The page's row of one schedule, from its {@code <tr>} to the next. */
    private static String row(String page, String name) {
        int start = page.indexOf("data-schedule=\"" + name + "\"");
        assertThat(start).as("row of " + name).isNotNegative();
        int end = page.indexOf("</tr>", start);
        return page.substring(start, end);
    }

    private void resumeIfPaused(String name) {
        try {
            schedules.resume(name);
        } catch (ScheduleStateException notPaused) {
            // the state each test starts from
        }
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("schedules-console-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
