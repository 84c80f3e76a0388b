package com.nightshift.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthHistory;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.nightshift.ops.JobRunner;
import com.nightshift.support.TestUsers;

/**
 * The health pages in a real browser engine, in both languages, after a real run of the job {@code health} (the
 * overview shows the engine's own checks as they are, and leads to their pages) and on a week of a check's history
 * that went from OK through WARN to CRIT and back (its page draws the strip and the trend charts). Saves a picture of
 * each, to be looked at.
 */
class ConsoleHealthBrowserTest extends BrowserTest {

    /**
     * A check of this test's own: the history is kept in the database every test class shares. The engine does not
     * run it, so the overview leaves it out; its page still draws its history.
     */
    private static final String CHECK = "disk.browser-trend";
    private static final double[] FREE = {900, 820, 760, 430, 80, 60, 350, 610, 700, 880};

    @Autowired
    HealthHistory history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobRunner runner;

    @BeforeEach
    void aRealRun() throws Exception {
        if (history.history("database.latency", null, null, 1).isEmpty()) {
            runner.run("health", Map.of());
        }
    }

    @BeforeEach
    void aWeekOfHistory() {
        if (!history.history(CHECK, null, null, 1).isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        for (int i = 0; i < FREE.length; i++) {
            double free = FREE[i];
            HealthState state = free < 100 ? HealthState.CRIT : free < 500 ? HealthState.WARN : HealthState.OK;
            history.record(null, new CheckResult(CHECK, CheckGroup.DISK, state, state == HealthState.OK
                    ? "Free space is fine" : "Only " + (int) free + " MB free under /var/reports: delete old "
                    + "report files or grow the volume", List.of(new Measurement("free", free, 500.0, 100.0, "MB"),
                    new Measurement("free_share", free / 20, 10.0, 2.0, "%"))), Duration.ofMillis(2));
            jdbc.update("UPDATE health_result SET checked_at = ? WHERE id = (SELECT max(id) FROM health_result "
                    + "WHERE check_name = ?)", Timestamp.from(now.minus(Duration.ofHours(16L * (FREE.length - i)))),
                    CHECK);
        }
    }

    @InEachEngine
    void theHealthPagesOpenInChineseWithTheirCharts(Browser browser) {
        assertBothPages(browser.logIn(TestUsers.OPERATOR), "zh_CN", "");
    }

    @InEachEngine
    void theHealthPagesOpenInEnglishWithTheirCharts(Browser browser) {
        assertBothPages(browser.logIn(TestUsers.OPERATOR), "en", "-en");
    }

    private static void assertBothPages(Browser browser, String language, String suffix) {
        browser.open("/console/health?lang=" + language).save("health" + suffix);
        assertThat(browser.has("main.error-page")).as(browser.text()).isFalse();
        assertThat(browser.text()).doesNotContain("??");
        assertThat(browser.has("tr[data-check='database.latency']")).isTrue();
        assertThat(browser.has("tr[data-check='" + CHECK + "']")).isFalse();

        browser.press("tr[data-check='database.latency'] td.check a");
        assertThat(browser.path()).isEqualTo("/console/health/database.latency");
        browser.open("/console/health/" + CHECK + "?lang=" + language).save("health-check" + suffix);

        assertThat(browser.text()).doesNotContain("??");
        assertThat(browser.all("#states svg rect")).hasSize(FREE.length);
        assertThat(browser.all("figure[data-measure='free'] svg circle")).hasSize(FREE.length);
        assertThat(browser.has("figure[data-measure='free'] svg polyline.crit-line")).isTrue();
        assertThat(browser.has("figure[data-measure='free_share'] svg polyline.warn-line")).isTrue();
    }
}
