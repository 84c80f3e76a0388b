package com.nightshift.console.browser;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.RollupTableState;
import com.nightshift.support.TestUsers;

/** An operator's night in a real browser engine: start a job from its form and see it finish, stop a running one. */
class ConsoleOperationsBrowserTest extends BrowserTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;

    @BeforeEach
    void emptyTables() {
        RollupTableState.clear(jdbc);
    }

    @InEachEngine
    void aJobStartedFromItsFormRunsToCompletion(Browser browser) {
        aLine().store("杭州西湖店").on(DAY).amount("12.34").insert(jdbc);
        browser.logIn(TestUsers.OPERATOR).save("executions");
        browser.open("/console/jobs").save("jobs");

        browser.press("a[data-job=rollup]");
        browser.fill("#start-form [name=mode]", "full").fill("#start-form [name=from]", DAY.toString())
                .fill("#start-form [name=to]", DAY.toString()).save("start-form");
        browser.press("#start");

        assertThat(browser.path()).as("the new execution's page").matches("/console/executions/\\d+");
        // shown at once, when the run may not have started yet: a page failing for such a run once hid behind the
        // reloads below
        assertThat(browser.find("#execution-status").getAttribute("data-status")).isNotBlank();
        browser.reloadUntil("#execution-status[data-status=COMPLETED]");
        browser.save("execution");
        assertThat(jdbc.queryForObject("SELECT gross_amount::text FROM rollup_store_daily", String.class))
                .isEqualTo("12.34");
    }

    @InEachEngine
    void aRunningJobStoppedFromItsPageEndsStopped(Browser browser) throws Exception {
        try (RunningRollup rollup = new RunningRollup(dataSource, jdbc, api())) {
            browser.logIn(TestUsers.OPERATOR).open("/console/executions/" + rollup.id());
            assertThat(browser.find("#execution-status").getAttribute("data-status")).isEqualTo("STARTED");
            browser.save("execution-running");

            browser.press("#stop");
            rollup.release();

            browser.reloadUntil("#execution-status[data-status=STOPPED]");
            browser.save("execution-stopped");
        }
    }

    @InEachEngine
    void aViewerSeesARunningJobWithoutTheStopButton(Browser browser) throws Exception {
        try (RunningRollup rollup = new RunningRollup(dataSource, jdbc, api())) {
            browser.logIn(TestUsers.VIEWER).open("/console/executions/" + rollup.id());

            assertThat(browser.find("#execution-status").getAttribute("data-status")).isEqualTo("STARTED");
            assertThat(browser.has("#stop")).as("a stop button for a viewer").isFalse();
        }
    }
}
