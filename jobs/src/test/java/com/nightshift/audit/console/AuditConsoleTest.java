package com.nightshift.audit.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.audit.OperatorAction;
import com.nightshift.audit.OperatorActions;
import com.nightshift.support.CliRun;
import com.nightshift.support.ConsoleClient;
import com.nightshift.support.TestUsers;
import com.nightshift.support.WebIntegrationTest;

/** The audit page: what was done, by whom, from where, newest first, a page at a time. */
@TestPropertySource(properties = {"nightshift.security.enabled=true",
        "spring.quartz.scheduler-name=nightshift-audit-console-test"})
class AuditConsoleTest extends WebIntegrationTest {

    private static final Pattern ROW = Pattern.compile("<tr data-action-id=\"(\\d+)\"");

    @Autowired
    OperatorActions actions;

    @Test
    void anActionShowsItsUserActionInWordsTargetLinkedAndRefusalWithItsStatus() {
        String schedule = "audit-" + UUID.randomUUID();
        api().post("/api/schedules/" + schedule + "/pause");

        String page = console().logIn(TestUsers.VIEWER).get("/console/audit").body();

        String row = row(page, newest().id());
        assertThat(row).contains(">li<", ">暂停计划<", "href=\"/console/schedules\"", ">计划 " + schedule + "<",
                "未执行（404）", "state-CRIT").containsPattern("20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void anActionOnAnExecutionLinksToItsPage() {
        api().post("/api/jobs/executions/987654321/stop");

        String page = console().logIn(TestUsers.OPERATOR).get("/console/audit").body();

        assertThat(row(page, newest().id())).contains(">停止<", "href=\"/console/executions/987654321\"",
                ">执行 #987654321<");
    }

    @Test
    void actionsAreListedNewestFirstFiftyAPageWithALinkToOlderOnes() {
        for (int i = 0; i < AuditPage.PAGE + 2; i++) {
            actions.recordCommandLine("paging", "host-" + i, "stop", "jobs/executions/" + i, 200, null);
        }
        ConsoleClient operator = console().logIn(TestUsers.OPERATOR);

        String first = operator.get("/console/audit").body();
        List<Long> firstIds = ids(first);
        Matcher older = Pattern.compile("id=\"older\" href=\"/console/audit\\?before=(\\d+)\"").matcher(first);
        assertThat(older.find()).isTrue();
        List<Long> secondIds = ids(operator.get("/console/audit?before=" + older.group(1)).body());

        assertThat(firstIds).hasSize(AuditPage.PAGE).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(firstIds.get(0)).isEqualTo(newest().id());
        assertThat(Long.parseLong(older.group(1))).isEqualTo(firstIds.get(firstIds.size() - 1));
        assertThat(secondIds.get(0)).isLessThan(firstIds.get(firstIds.size() - 1));
        assertThat(first).contains("命令行 · host-" + (AuditPage.PAGE + 1), ">已完成<");
    }

    @Test
    void aCommandLineRunIsShownWithTheSystemsUserAndHostAndTheExecutionItStarted() {
        CliRun run = CliRun.onTestServers("run", "rollup", "mode=full", "from=2019-01-03", "to=2019-01-03",
                "--spring.quartz.scheduler-name=nightshift-audit-console-cli");
        Matcher execution = Pattern.compile("\\(execution (\\d+)\\)").matcher(run.out());
        assertThat(execution.find()).as(run.out() + run.err()).isTrue();

        String page = console().logIn(TestUsers.OPERATOR).get("/console/audit").body();

        OperatorAction newest = newest();
        assertThat(newest.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(row(page, newest.id())).contains(">" + System.getProperty("user.name") + "<", ">启动作业<",
                ">作业 rollup<", "href=\"/console/executions/" + execution.group(1) + "\"", "命令行 · ", ">已完成<");
    }

    @Test
    void thePageIsInEnglishWhenAskedFor() {
        api().post("/api/schedules/audit-english/resume");

        String page = console().logIn(TestUsers.OPERATOR).get("/console/audit?lang=en").body();

        assertThat(row(page, newest().id())).contains(">resumed a schedule<", "refused (404)");
        assertThat(page).contains("Operator actions");
    }

    private OperatorAction newest() {
        return actions.page(null, 1).get(0);
    }

    private static List<Long> ids(String page) {
        return ROW.matcher(page).results().map(match -> Long.valueOf(match.group(1))).toList();
    }

    private static String row(String page, long id) {
        int start = page.indexOf("<tr data-action-id=\"" + id + "\"");
        assertThat(start).as("row of action " + id).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
