package com.nightshift.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.nightshift.support.AuditTrail;
import com.nightshift.support.ConsoleClient;
import com.nightshift.support.ExpectedRollups;
import com.nightshift.support.TestUsers;

/**
 * {@code /console/executions/{id}}: an execution's facts, steps, parameters and error, and its stop and restart
 * buttons, which do what the API does, as Spring Batch defines it, and are audited like the API's.
 */
class ExecutionPageTest extends OpsConsoleTest {

    @Test
    void aCompletedExecutionShowsItsStepsParametersAndWhoStartedIt() throws Exception {
        long id = runs.completed();

        String page = operator().get("/console/executions/" + id).body();

        assertThat(element(page, "<span id=\"execution-status\"", "</span>")).contains("status-COMPLETED")
                .contains("data-status=\"COMPLETED\"");
        assertThat(element(page, "<table id=\"steps\"", "</table>")).contains("rollupPartitionsStep")
                .contains("status-COMPLETED");
        assertThat(element(page, "<table id=\"parameters\"", "</table>"))
                .contains("<td>mode</td><td>full</td>").contains("<td>from</td>");
        assertThat(element(page, "<td id=\"started-by\"", "</td>")).contains("命令行");
        assertThat(page).doesNotContain("id=\"error-message\"").doesNotContain("id=\"stop\"")
                .doesNotContain("id=\"restart\"");
    }

    @Test
    void aFailedExecutionSaysWhyInPlainWordsWithTheStackTraceFoldedAway() throws Exception {
        long id = runs.failed(ConsoleTestRuns.newDay());

        String page = operator().get("/console/executions/" + id).body();

        assertThat(page).contains("data-status=\"FAILED\"");
        String message = element(page, "<p id=\"error-message\"", "</p>");
        assertThat(message).contains("injected failure for 门店3").doesNotContain("PSQLException");
        String trace = element(page, "<details id=\"error-trace\"", "</details>");
        assertThat(trace).contains("PSQLException").contains("\tat org.");
        assertThat(page).contains("id=\"restart\"").doesNotContain("id=\"stop\"");
    }

    @Test
    void anExecutionThatWasNeverRecordedIsTheConsolesNotFoundPage() {
        HttpResponse<String> page = operator().get("/console/executions/987654321");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("没有编号为 987654321 的执行记录");
    }

    @Test
    void stoppingFromThePageStopsTheRunAtAChunkBoundaryAndTheAuditSaysWho() throws Exception {
        ConsoleClient operator = operator();
        AtomicReference<HttpResponse<String>> stop = new AtomicReference<>();
        AuditTrail audit = AuditTrail.since(jdbc);

        long id = runs.held(ConsoleTestRuns.newDay(), running -> {
            assertThat(operator.get("/console/executions/" + running).body()).contains("id=\"stop\"")
                    .contains("data-status=\"STARTED\"").contains("http-equiv=\"refresh\"");
            stop.set(operator.post("/console/jobs/executions/" + running + "/stop", Map.of()));
        });

        assertThat(stop.get().statusCode()).isEqualTo(302);
        assertThat(redirectedExecution(stop.get())).isEqualTo(id);
        assertThat(runs.awaitEnd(id)).isEqualTo("STOPPED");
        String page = operator.get("/console/executions/" + id).body();
        assertThat(page).contains("data-status=\"STOPPED\"").contains("id=\"restart\"");
        assertThat(element(page, "<table id=\"actions\"", "</table>")).contains(">li</td>")
                .contains("data-action=\"stop\"").contains("data-status=\"202\"");
        audit.recordedOnce(TestUsers.OPERATOR.user(), "stop", "jobs/executions/" + id, 202,
                "/api/jobs/executions/" + id);
    }

    @Test
    void restartingAFailedRunFromThePageResumesItAndTheFiguresEndExact() throws Exception {
        long failed = runs.failed(ConsoleTestRuns.newDay());
        ConsoleClient operator = operator();
        operator.get("/console/executions/" + failed);
        AuditTrail audit = AuditTrail.since(jdbc);

        HttpResponse<String> restart = operator.post("/console/jobs/executions/" + failed + "/restart", Map.of());

        long resumed = redirectedExecution(restart);
        audit.recordedOnce(TestUsers.OPERATOR.user(), "restart", "jobs/executions/" + failed, 202,
                "/api/jobs/executions/" + resumed);
        assertThat(resumed).isGreaterThan(failed);
        assertThat(runs.awaitEnd(resumed)).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT job_instance_id) FROM batch_job_execution "
                + "WHERE job_execution_id IN (?, ?)", Long.class, failed, resumed)).as("the same run").isOne();
        assertThat(new ExpectedRollups(jdbc).differences()).isZero();
        String page = operator.get("/console/executions/" + resumed).body();
        assertThat(page).contains("id=\"notice\"").contains("#" + resumed);
        assertThat(operator.get("/console/executions/" + failed).body()).as("resumed already")
                .doesNotContain("id=\"restart\"");
    }

    /** Regression: a resumed execution named its run's first starter and showed none of its run's actions. */
    @Test
    void aResumedExecutionsPageSaysWhoRestartedItAndShowsTheActionsOnItsWholeRun() throws Exception {
        long failed = runs.failed(ConsoleTestRuns.newDay());
        ConsoleClient operator = operator();
        operator.get("/console/executions/" + failed);
        long resumed = redirectedExecution(operator.post("/console/jobs/executions/" + failed + "/restart",
                Map.of()));
        runs.awaitEnd(resumed);

        String page = operator.get("/console/executions/" + resumed).body();

        assertThat(element(page, "<td id=\"restarted-by\"", "</td>")).contains("li").contains("#" + failed);
        assertThat(element(page, "<table id=\"actions\"", "</table>")).contains("data-action=\"restart\"")
                .contains(">li</td>").contains("href=\"/console/executions/" + failed + "\"")
                .contains("href=\"/console/executions/" + resumed + "\"");
    }

    @Test
    void restartingACompletedRunIsRefusedWithTheReasonAndAuditedAsAConflict() throws Exception {
        long id = runs.completed();
        ConsoleClient operator = operator();
        operator.get("/console/executions/" + id);

        AuditTrail audit = AuditTrail.since(jdbc);

        HttpResponse<String> restart = operator.post("/console/jobs/executions/" + id + "/restart", Map.of());

        assertThat(redirectedExecution(restart)).isEqualTo(id);
        audit.recordedOnce(TestUsers.OPERATOR.user(), "restart", "jobs/executions/" + id, 409, null);
        String page = operator.get("/console/executions/" + id).body();
        assertThat(element(page, "<div class=\"flash problem\" id=\"problem\"", "</div>"))
                .contains("无法重新运行").contains("only a FAILED or STOPPED execution resumes");
        assertThat(jdbc.queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?",
                String.class, id)).isEqualTo("COMPLETED");
    }

    @Test
    void aViewerSeesNoButtonsAndIsRefusedWhenPostingAnyway() throws Exception {
        long id = runs.failed(ConsoleTestRuns.newDay());
        ConsoleClient viewer = viewer();

        String page = viewer.get("/console/executions/" + id).body();
        HttpResponse<String> restart = viewer.post("/console/jobs/executions/" + id + "/restart", Map.of());

        assertThat(page).contains("id=\"error-message\"").doesNotContain("id=\"restart\"");
        assertThat(restart.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution", Long.class))
                .isEqualTo(id);
    }

    @Test
    void theExecutionIsInEnglishWhenAsked() throws Exception {
        long id = runs.failed(ConsoleTestRuns.newDay());

        String page = operator().get("/console/executions/" + id + "?lang=en").body();

        assertThat(page).contains("This run failed").contains(">failed<").contains(">Restart<")
                .doesNotContain("重新运行");
    }
}
