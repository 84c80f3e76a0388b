package com.nightshift.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** {@code /console/executions}: the history with status colours, filters, paging, refresh and the charts. */
class ExecutionsPageTest extends OpsConsoleTest {

    @Test
    void theListShowsExecutionsNewestFirstColouredByStatus() throws Exception {
        long completed = runs.completed();
        long failed = runs.failed(ConsoleTestRuns.newDay());

        String page = executions(operator().get("/console/executions").body());

        assertThat(page.indexOf("data-execution-id=\"" + failed + "\""))
                .isPositive().isLessThan(page.indexOf("data-execution-id=\"" + completed + "\""));
        String row = element(page, "<tr data-execution-id=\"" + completed + "\"", "</tr>");
        assertThat(row).contains("href=\"/console/executions/" + completed + "\"")
                .contains("class=\"status status-COMPLETED\"").contains("已完成").contains("rollup");
        assertThat(element(page, "<tr data-execution-id=\"" + failed + "\"", "</tr>"))
                .contains("class=\"status status-FAILED\"").contains("失败");
    }

    @Test
    void theFirstPageRefreshesItselfAndSaysInWhichZoneTimesAre() {
        String page = operator().get("/console/executions?job=rollup").body();

        assertThat(page).contains("<meta http-equiv=\"refresh\" content=\"10\">").contains("Asia/Shanghai");
    }

    @Test
    void filteringByJobAndStatusLeavesOnlyThoseExecutions() throws Exception {
        long completed = runs.completed();
        long failed = runs.failed(ConsoleTestRuns.newDay());

        String page = operator().get("/console/executions?job=rollup&status=FAILED").body();

        assertThat(executions(page))
                .contains("data-execution-id=\"" + failed + "\"")
                .doesNotContain("data-execution-id=\"" + completed + "\"")
                .doesNotContain("status-COMPLETED");
        assertThat(element(page, "<form id=\"filters\"", "</form>"))
                .contains("<option value=\"rollup\" selected=\"selected\">")
                .contains("<option value=\"FAILED\" selected=\"selected\">");
    }

    @Test
    void aChosenJobHasAChartOfItsLastRunsDurationsColouredByOutcome() throws Exception {
        long completed = runs.completed();
        long failed = runs.failed(ConsoleTestRuns.newDay());

        String chart = element(operator().get("/console/executions?job=rollup").body(),
                "<figure class=\"chart\" data-job=\"rollup\"", "</figure>");

        assertThat(chart).contains("<svg");
        assertThat(bar(chart, completed)).contains("class=\"bar-COMPLETED\"");
        assertThat(bar(chart, failed)).contains("class=\"bar-FAILED\"");
        assertThat(chart.indexOf("data-execution-id=\"" + completed + "\"")).as("oldest on the left")
                .isLessThan(chart.indexOf("data-execution-id=\"" + failed + "\""));
    }

    @Test
    void withoutAFilterEveryJobHasItsChart() {
        String page = operator().get("/console/executions").body();

        assertThat(page).contains("data-job=\"rollup\"").contains("data-job=\"report\"");
    }

    @Test
    void aLongHistoryIsPagedByExecutionIdAndTheLastPageHasNoLinkFurther() throws Exception {
        for (int run = 0; run <= ExecutionsPage.PAGE_SIZE; run++) {
            runs.completed();
        }
        String first = operator().get("/console/executions?job=rollup").body();
        String older = element(first, "<a id=\"older\"", "</a>");
        String next = older.substring(older.indexOf("href=\"") + 6, older.indexOf('"', older.indexOf("href=\"") + 6))
                .replace("&amp;", "&");

        String second = operator().get(next).body();

        assertThat(next).contains("job=rollup").contains("before=");
        assertThat(second).doesNotContain("http-equiv=\"refresh\"").contains("id=\"newest\"");
        long lastOfFirst = Long.parseLong(next.substring(next.indexOf("before=") + 7));
        assertThat(executions(second)).doesNotContain("data-execution-id=\"" + lastOfFirst + "\"")
                .contains("data-execution-id=\"" + (lastOfFirst - 1) + "\"");
    }

    @Test
    void anExecutionThatFailedBeforeItStartedIsListedWithoutADuration() throws Exception {
        long id = runs.completed();
        // as Spring Batch leaves an execution whose job could not even begin (its repository refused the start)
        jdbc.update("UPDATE batch_job_execution SET status = 'FAILED', start_time = NULL WHERE job_execution_id = ?",
                id);

        String row = element(executions(operator().get("/console/executions?status=FAILED").body()),
                "<tr data-execution-id=\"" + id + "\"", "</tr>");

        assertThat(row).contains("status-FAILED").contains("<td class=\"number time\"></td>");
    }

    @Test
    void aBadFilterIsAnErrorPageNamingIt() {
        HttpResponse<String> page = operator().get("/console/executions?status=SIDEWAYS");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"error-detail\"").contains("筛选条件 status 没有“SIDEWAYS”这个值");
    }

    @Test
    void thePageIsInEnglishWhenAsked() throws Exception {
        runs.completed();

        String page = operator().get("/console/executions?lang=en").body();

        assertThat(page).contains("Executions").contains(">completed<").contains("Started by")
                .doesNotContain("执行记录");
    }

    private static String executions(String page) {
        return element(page, "<table id=\"executions\"", "</table>");
    }

    /** The start tag of the chart's bar for an execution. */
    private static String bar(String chart, long execution) {
        int at = chart.indexOf("data-execution-id=\"" + execution + "\"");
        assertThat(at).as("a bar for execution " + execution).isPositive();
        return chart.substring(chart.lastIndexOf("<rect", at), chart.indexOf(">", at) + 1);
    }
}
