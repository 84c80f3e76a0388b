package com.nightshift.health.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthHistory;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.nightshift.support.ConsoleClient;
import com.nightshift.support.TestUsers;
import com.nightshift.support.WebIntegrationTest;

/**
 * {@code /console/health} and {@code /console/health/{check}} with logins on, on results of checks of this test
 * class alone (the history is kept in the database every test class shares; the overview lists only the checks the
 * engine runs, so they are test-only checks in its context), plus one real run of the job started by the page's
 * button.
 */
@TestPropertySource(properties = {"nightshift.security.enabled=true",
        "spring.quartz.scheduler-name=nightshift-health-console-test"})
@Import(HealthConsoleTest.TestChecks.class)
class HealthConsoleTest extends WebIntegrationTest {

    private static final String PREFIX = "disk.test-console-";

    private static final ZoneId CHAIN = ZoneId.of("Asia/Shanghai");
    private static final Pattern EXECUTION = Pattern.compile("/console/executions/(\\d+)$");

    @Autowired
    HealthHistory history;
    @Autowired
    JdbcTemplate jdbc;

    /** The checks {@code PREFIX + space, a, b, c}, run by the engine besides its own (they always find room). */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestChecks {

        @Bean
        HealthCheck spaceTestCheck() {
            return check("space");
        }

        @Bean
        HealthCheck aTestCheck() {
            return check("a");
        }

        @Bean
        HealthCheck bTestCheck() {
            return check("b");
        }

        @Bean
        HealthCheck cTestCheck() {
            return check("c");
        }

        private static HealthCheck check(String suffix) {
            return new HealthCheck() {
                @Override
                public String name() {
                    return PREFIX + suffix;
                }

                @Override
                public CheckGroup group() {
                    return CheckGroup.DISK;
                }

                @Override
                public CheckResult run() {
                    return new CheckResult(name(), group(), HealthState.OK, "room enough",
                            List.of(new Measurement("free", 900, 500.0, 100.0, "MB")));
                }
            };
        }
    }

    @BeforeEach
    void noResultsOfTheTestChecksYet() {
        // each test sets its checks' latest results; an earlier test's (or run's) would be newer than some
        jdbc.update("DELETE FROM health_result WHERE check_name LIKE ?", PREFIX + "%");
    }

    @Test
    void theOverviewShowsEachChecksLatestStateMessageValuesAndTime() {
        String check = PREFIX + "space";
        record(check, HealthState.OK, "plenty of room", Instant.parse("2026-12-06T18:00:00Z"), 900);
        record(check, HealthState.CRIT, "only 12 MB left on /var/reports: free some space",
                Instant.parse("2026-12-06T18:30:05Z"), 12);

        String row = row(operator().get("/console/health").body(), check);

        assertThat(row).contains("data-state=\"CRIT\"").contains("class=\"state state-CRIT\"").contains("严重")
                .contains("only 12 MB left on /var/reports: free some space")
                .contains("free 12 MB（警告线 500 MB，严重线 100 MB）")
                .contains("2026-12-07 02:30:05")
                .contains("href=\"/console/health/" + check + "\"")
                .doesNotContain("plenty of room");
    }

    @Test
    void inTheWorstFirstOrderTheChecksInTroubleComeFirstInTheirGroup() {
        Instant now = Instant.now();
        record(PREFIX + "a", HealthState.OK, "fine", now, 900);
        record(PREFIX + "b", HealthState.CRIT, "full", now, 12);
        record(PREFIX + "c", HealthState.WARN, "filling", now, 300);

        String page = operator().get("/console/health").body();

        assertThat(positions(page, "b", "c", "a")).isSorted();
    }

    @Test
    void inTheGroupOrderTheChecksComeByName() {
        Instant now = Instant.now();
        record(PREFIX + "a", HealthState.OK, "fine", now, 900);
        record(PREFIX + "b", HealthState.CRIT, "full", now, 12);
        record(PREFIX + "c", HealthState.WARN, "filling", now, 300);

        String page = operator().get("/console/health?order=group").body();

        assertThat(positions(page, "a", "b", "c")).isSorted();
        assertThat(page).contains("<option value=\"group\" selected=\"selected\">");
    }

    @Test
    void aCheckTheEngineDoesNotRunIsNotOnTheOverviewButItsHistoryPageAnswers() {
        String retired = "disk.test-retired-" + UUID.randomUUID();
        record(PREFIX + "space", HealthState.OK, "plenty of room", Instant.now(), 900);
        record(retired, HealthState.CRIT, "the last word of a check since removed", Instant.now(), 12);
        ConsoleClient operator = operator();

        String overview = operator.get("/console/health").body();
        HttpResponse<String> history = operator.get("/console/health/" + retired);

        assertThat(overview).contains("data-check=\"" + PREFIX + "space\"").doesNotContain(retired);
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("the last word of a check since removed");
    }

    @Test
    void theMenuMarksHealthOnBothPages() {
        String check = PREFIX + "space";
        record(check, HealthState.OK, "plenty of room", Instant.now(), 900);
        ConsoleClient operator = operator();

        assertThat(operator.get("/console/health").body()).containsPattern("id=\"nav-health\"[^>]*class=\"current\"");
        assertThat(operator.get("/console/health/" + check).body())
                .containsPattern("id=\"nav-health\"[^>]*class=\"current\"");
    }

    @Test
    void anUnknownOrderIsABadRequestNamingIt() {
        HttpResponse<String> page = operator().get("/console/health?order=sideways");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("main class=\"error-page\"").contains("“sideways”").contains("order");
    }

    @Test
    void theOverviewIsInEnglishOnAsking() {
        String check = PREFIX + "space";
        record(check, HealthState.WARN, "filling up", Instant.now(), 300);

        String page = operator().get("/console/health?lang=en").body();

        assertThat(row(page, check)).contains("Warning").contains("free 300 MB (warn at 500 MB, critical at 100 MB)");
        assertThat(page).contains("Disk space").contains("Run checks now");
    }

    @Test
    void aViewerSeesTheChecksButNoRunButton() {
        String check = PREFIX + "space";
        record(check, HealthState.OK, "plenty of room", Instant.now(), 900);

        String page = console().logIn(TestUsers.VIEWER).get("/console/health").body();

        assertThat(page).contains("data-check=\"" + check + "\"").doesNotContain("id=\"run-checks\"")
                .doesNotContain("/console/jobs/health/executions");
    }

    @Test
    void theRunButtonStartsTheHealthJobAsTheStartFormDoes() {
        ConsoleClient operator = operator();
        String form = element(operator.get("/console/health").body(), "<form id=\"run-checks\"", "</form>");
        assertThat(form).contains("action=\"/console/jobs/health/executions\"").contains("method=\"post\"");

        HttpResponse<String> started = operator.post("/console/jobs/health/executions", Map.of());

        assertThat(started.statusCode()).isEqualTo(302);
        Matcher execution = EXECUTION.matcher(started.headers().firstValue("Location").orElse(""));
        assertThat(execution.find()).as(started.headers().toString()).isTrue();
        long id = Long.parseLong(execution.group(1));
        // the run ends here rather than under the next test class's feet
        await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.queryForObject(
                "SELECT end_time IS NOT NULL FROM batch_job_execution WHERE job_execution_id = ?", Boolean.class, id));
        assertThat(jdbc.queryForObject("SELECT job_name FROM batch_job_instance i JOIN batch_job_execution e "
                + "ON e.job_instance_id = i.job_instance_id WHERE e.job_execution_id = ?", String.class, id))
                .isEqualTo("health");
        assertThat(operator.get("/console/health").body()).contains("href=\"/console/executions/" + id + "\"");
    }

    @Test
    void aChecksHistoryDrawsEachValueWithItsThresholdsAndAStateStrip() {
        String check = PREFIX + "space";
        Instant now = Instant.now();
        record(check, HealthState.OK, "plenty", now.minus(Duration.ofHours(2)), 900);
        record(check, HealthState.WARN, "filling", now.minus(Duration.ofHours(1)), 300);
        record(check, HealthState.CRIT, "full", now, 12);

        String page = operator().get("/console/health/" + check).body();

        String chart = element(page, "<figure class=\"chart health-chart\" data-measure=\"free\"", "</figure>");
        assertThat(count(chart, "<circle")).isEqualTo(3);
        assertThat(chart).contains("class=\"value-line\"").contains("class=\"warn-line\"")
                .contains("class=\"crit-line\"").contains("class=\"dot-CRIT\"").contains("free 12 MB");
        String strip = element(page, "<figure class=\"chart health-chart\" id=\"states\"", "</figure>");
        assertThat(positions(strip, "data-state=\"OK\"", "data-state=\"WARN\"", "data-state=\"CRIT\"")).isSorted();
        String results = element(page, "<table id=\"results\"", "</table>");
        assertThat(positions(results, "full", "filling", "plenty")).isSorted();
    }

    @Test
    void fromAndToKeepTheResultsOfTheDaysBetween() {
        String check = PREFIX + "space";
        record(check, HealthState.OK, "on the first", day(2026, 11, 1), 900);
        record(check, HealthState.WARN, "on the second", day(2026, 11, 2), 300);
        record(check, HealthState.CRIT, "on the third", day(2026, 11, 3), 12);

        String page = operator().get("/console/health/" + check + "?from=2026-11-02&to=2026-11-02").body();

        assertThat(element(page, "<table id=\"results\"", "</table>")).contains("on the second")
                .doesNotContain("on the first").doesNotContain("on the third");
        assertThat(page).contains("value=\"2026-11-02\"");
    }

    @Test
    void aKnownCheckWithoutResultsInTheDaysSaysSo() {
        HttpResponse<String> page = operator().get("/console/health/database.latency?from=2001-01-01&to=2001-01-31");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"no-results\"").doesNotContain("<svg");
    }

    @Test
    void anUnknownCheckIsTheConsolesNotFound() {
        HttpResponse<String> page = operator().get("/console/health/" + PREFIX + "never-heard-of");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("main class=\"error-page\"")
                .contains("没有名为“" + PREFIX + "never-heard-of”的检查项");
    }

    @Test
    void aMalformedFromIsABadRequestNamingIt() {
        String check = PREFIX + "space";
        record(check, HealthState.OK, "plenty", Instant.now(), 900);

        HttpResponse<String> page = operator().get("/console/health/" + check + "?from=yesterday");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("main class=\"error-page\"").contains("参数 from 的值“yesterday”不是日期");
    }

    @Test
    void fromAfterToIsABadRequest() {
        String check = PREFIX + "space";
        record(check, HealthState.OK, "plenty", Instant.now(), 900);

        HttpResponse<String> page = operator().get("/console/health/" + check + "?from=2026-11-03&to=2026-11-01");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("起始日期（2026-11-03）不能晚于截止日期（2026-11-01）");
    }

    private ConsoleClient operator() {
        return console().logIn(TestUsers.OPERATOR);
    }

    private static Instant day(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(2, 0).atZone(CHAIN).toInstant();
    }

    private void record(String check, HealthState state, String message, Instant at, double freeMegabytes) {
        history.record(null, new CheckResult(check, CheckGroup.DISK, state, message,
                List.of(new Measurement("free", freeMegabytes, 500.0, 100.0, "MB"))), Duration.ofMillis(2));
        jdbc.update("UPDATE health_result SET checked_at = ? WHERE id = (SELECT max(id) FROM health_result "
                + "WHERE check_name = ?)", Timestamp.from(at), check);
    }

    /** Where each of the checks {@code PREFIX + suffix} (or, lacking one, each text) first stands on the page. */
    private List<Integer> positions(String page, String... texts) {
        return Arrays.stream(texts).map(text -> {
            int at = page.indexOf("data-check=\"" + PREFIX + text + "\"");
            int found = at >= 0 ? at : page.indexOf(text);
            assertThat(found).as(text).isNotNegative();
            return found;
        }).toList();
    }

    private String row(String page, String check) {
        return element(page, "<tr data-check=\"" + check + "\"", "</tr>");
    }

    private static String element(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from) + end.length());
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
