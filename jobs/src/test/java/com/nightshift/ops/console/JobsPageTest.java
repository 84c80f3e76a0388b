package com.nightshift.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.nightshift.support.AuditTrail;
import com.nightshift.support.ConsoleClient;
import com.nightshift.support.TestUsers;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /console/jobs}: the jobs, and a start form generated from a job's parameters that refuses what the API
 * refuses, in the API's words.
 */
class JobsPageTest extends OpsConsoleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theJobsAreListedWithALinkToTheirForms() {
        String page = operator().get("/console/jobs").body();

        assertThat(page).contains("<a href=\"/console/jobs/rollup\" data-job=\"rollup\">rollup</a>")
                .contains("data-job=\"report\"");
    }

    @Test
    void theFormHasAFieldPerParameterAndASelectForAChoice() {
        String form = element(operator().get("/console/jobs/rollup").body(), "<form id=\"start-form\"", "</form>");

        assertThat(form).contains("action=\"/console/jobs/rollup/executions\"")
                .contains("<select id=\"parameter-mode\" name=\"mode\">")
                .contains("<option value=\"incremental\">incremental</option>")
                .contains("name=\"from\"").contains("name=\"to\"").contains("placeholder=\"yyyy-MM-dd\"")
                .contains("id=\"start\"").contains("name=\"_csrf\"");
    }

    @Test
    void aViewerSeesTheFormWithoutItsStartButtonAndIsRefusedWhenPostingAnyway() {
        ConsoleClient viewer = viewer();
        long executions = executions();

        String page = viewer.get("/console/jobs/rollup").body();
        HttpResponse<String> start = viewer.post("/console/jobs/rollup/executions", Map.of("mode", "incremental"));

        assertThat(page).contains("id=\"start-form\"").contains("id=\"operators-only\"").doesNotContain("id=\"start\"");
        assertThat(start.statusCode()).isEqualTo(403);
        assertThat(executions()).isEqualTo(executions);
    }

    @Test
    void startingFromTheFormRunsTheJobAndLeadsToItsExecution() throws Exception {
        LocalDate day = ConsoleTestRuns.newDay();
        runs.ordersOn(day);
        ConsoleClient operator = operator();
        operator.get("/console/jobs/rollup");
        AuditTrail audit = AuditTrail.since(jdbc);

        HttpResponse<String> started = operator.post("/console/jobs/rollup/executions",
                Map.of("mode", "full", "from", day.toString(), "to", day.toString()));

        long id = redirectedExecution(started);
        audit.recordedOnce(TestUsers.OPERATOR.user(), "start", "jobs/rollup", 202, "/api/jobs/executions/" + id);
        assertThat(runs.awaitEnd(id)).isEqualTo("COMPLETED");
        String page = operator.get("/console/executions/" + id).body();
        assertThat(element(page, "<td id=\"started-by\"", "</td>")).contains("控制台 · li");
        assertThat(element(page, "<table id=\"parameters\"", "</table>"))
                .contains("<td>from</td><td>" + day + "</td>");
    }

    @Test
    void aMalformedValueComesBackWithTheApisMessageAndTheValuesTyped() {
        ConsoleClient operator = operator();
        operator.get("/console/jobs/rollup");
        long executions = executions();
        AuditTrail audit = AuditTrail.since(jdbc);

        HttpResponse<String> refused = operator.post("/console/jobs/rollup/executions",
                Map.of("mode", "full", "from", "2031-13-45", "to", ""));

        audit.recordedOnce(TestUsers.OPERATOR.user(), "start", "jobs/rollup", 400, null);
        String apiDetail = JSON.readTree(api().post("/api/jobs/rollup/executions", "{\"from\": \"2031-13-45\"}")
                .body()).get("detail").asString();
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(element(refused.body(), "<div class=\"flash problem\" id=\"problem\"", "</div>"))
                .contains(apiDetail.replace("'", "&#39;"));
        assertThat(refused.body()).contains("value=\"2031-13-45\"");
        assertThat(executions()).isEqualTo(executions);
    }

    @Test
    void aSecondStartOfARunStillGoingIsRefusedWithTheApisConflict() throws Exception {
        LocalDate day = ConsoleTestRuns.newDay();
        ConsoleClient operator = operator();
        AtomicReference<HttpResponse<String>> second = new AtomicReference<>();
        AuditTrail audit = AuditTrail.since(jdbc);

        long first = runs.held(day, running -> {
            operator.get("/console/jobs/rollup");
            second.set(operator.post("/console/jobs/rollup/executions",
                    Map.of("mode", "full", "from", day.toString(), "to", day.toString())));
        });

        assertThat(second.get().statusCode()).isEqualTo(409);
        audit.recordedOnce(TestUsers.OPERATOR.user(), "start", "jobs/rollup", 409, null);
        assertThat(second.get().body()).contains("id=\"problem\"").contains("already running: execution " + first);
        assertThat(runs.awaitEnd(first)).isEqualTo("COMPLETED");
    }

    @Test
    void anUnknownJobIsNotFound() {
        assertThat(operator().get("/console/jobs/rolup").statusCode()).isEqualTo(404);
    }

    @Test
    void theFormIsInEnglishWhenAsked() {
        String page = operator().get("/console/jobs/rollup?lang=en").body();

        assertThat(page).contains("Start job rollup").contains("If empty: yesterday").doesNotContain("启动");
    }

    private long executions() {
        return jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Long.class);
    }
}
