package com.nightshift.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;

import com.nightshift.support.TestUsers;

/** Schedules in a real browser engine: an operator pauses one and resumes it. */
class ConsoleSchedulesBrowserTest extends BrowserTest {

    private static final String ROW = "tr[data-schedule=" + SCHEDULE + "] ";

    /** A run that failed half way leaves the schedule paused in Quartz's tables; each run starts from running. */
    @BeforeEach
    void resumeTheSchedule() {
        api().post("/api/schedules/" + SCHEDULE + "/resume");
    }

    @InEachEngine
    void anOperatorPausesAScheduleAndResumesIt(Browser browser) {
        browser.logIn(TestUsers.OPERATOR).open("/console/schedules").save("schedules");

        browser.press(ROW + "button.pause");

        assertThat(browser.path()).isEqualTo("/console/schedules");
        assertThat(browser.find(ROW + "span.state").getAttribute("data-state")).isEqualTo("PAUSED");
        browser.save("schedules-paused");

        browser.press(ROW + "button.resume");

        assertThat(browser.find(ROW + "span.state").getAttribute("data-state")).isEqualTo("NORMAL");
    }
}
