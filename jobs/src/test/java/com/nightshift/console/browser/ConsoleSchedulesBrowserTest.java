package com.nightshift.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;

import com.nightshift.support.TestUsers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Schedules in a real browser engine: an operator pauses one and resumes it. */
class ConsoleSchedulesBrowserTest extends BrowserTest {

    private static final String ROW = "tr[data-schedule=" + SCHEDULE + "] ";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A run that failed half way leaves the schedule paused in Quartz's tables; each run starts from running.
     * Resumed only if paused: a refused resume would be one more line in the audit the pages test shows.
     */
    @BeforeEach
    void resumeTheScheduleIfPaused() {
        for (JsonNode schedule : JSON.readTree(api().get("/api/schedules").body())) {
            if (schedule.get("name").asString().equals(SCHEDULE)
                    && schedule.get("state").asString().equals("PAUSED")) {
                api().post("/api/schedules/" + SCHEDULE + "/resume");
            }
        }
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
