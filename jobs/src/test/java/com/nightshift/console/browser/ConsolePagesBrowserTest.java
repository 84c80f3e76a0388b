package com.nightshift.console.browser;

import java.util.LinkedHashMap;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;

import com.nightshift.support.TestUsers;

/**
 * Every main page of the console opens in a real browser engine, in Chinese and in English, with every word found
 * in its messages (Thymeleaf shows a missing one as {@code ??key_locale??}). Saves a picture of each, to be looked at.
 */
class ConsolePagesBrowserTest extends BrowserTest {

    private static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("executions", "/console/executions");
        PAGES.put("jobs", "/console/jobs");
        PAGES.put("start-form", "/console/jobs/rollup");
        PAGES.put("schedules", "/console/schedules");
        PAGES.put("reports", "/console/reports");
        PAGES.put("deliveries", "/console/reports/deliveries");
        PAGES.put("audit", "/console/audit");
        PAGES.put("health", "/console/health");
        PAGES.put("health-latency", "/console/health/database.latency");
    }

    @InEachEngine
    void everyMainPageOpensInChineseWithEveryWordTranslated(Browser browser) {
        assertEveryPageOpens(browser.logIn(TestUsers.OPERATOR), "zh_CN", "");
    }

    @InEachEngine
    void everyMainPageOpensInEnglishWithEveryWordTranslated(Browser browser) {
        assertEveryPageOpens(browser.logIn(TestUsers.OPERATOR), "en", "-en");
    }

    private static void assertEveryPageOpens(Browser browser, String language, String suffix) {
        SoftAssertions pages = new SoftAssertions();
        PAGES.forEach((page, path) -> {
            browser.open(path + "?lang=" + language).save(page + suffix);
            pages.assertThat(browser.has("main.error-page")).as(path + " is an error page:\n" + browser.text())
                    .isFalse();
            pages.assertThat(browser.text()).as(path + " in " + language).doesNotContain("??");
        });
        pages.assertAll();
    }
}
