package com.nightshift.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.support.ConsoleClient;
import com.nightshift.support.TestUsers;
import com.nightshift.support.WebIntegrationTest;

/**
 * What every console page shares: the menu marks where the reader is, switching language keeps the page, and a
 * mangled link is named, not a crash.
 */
@TestPropertySource(properties = "spring.quartz.scheduler-name=nightshift-console-frame-test")
class ConsoleFrameTest extends WebIntegrationTest {

    @Test
    void theMenuMarksThePartOfTheConsoleAPageIsIn() {
        String deliveries = viewer().get("/console/reports/deliveries").body();

        assertThat(deliveries).containsPattern("id=\"nav-reports\"[^>]*class=\"current\"");
        assertThat(deliveries).doesNotContainPattern("id=\"nav-executions\"[^>]*class=\"current\"");
    }

    @Test
    void theLanguageLinksKeepThePagesFiltersReplacingOnlyTheLanguage() {
        String filtered = viewer().get("/console/executions?job=rollup&status=FAILED&lang=en").body();

        assertThat(filtered).contains("href=\"?job=rollup&amp;status=FAILED&amp;lang=zh_CN\"")
                .contains("href=\"?job=rollup&amp;status=FAILED&amp;lang=en\"");
    }

    @Test
    void aQueryValueOfTheWrongTypeIsRefusedNamingIt() {
        HttpResponse<String> page = viewer().get("/console/audit?before=yesterday");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("before").contains("yesterday");
    }

    @Test
    void theRootOpensTheExecutions() {
        HttpResponse<String> root = viewer().get("/");

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/console/executions"));
    }

    private ConsoleClient viewer() {
        return console().logIn(TestUsers.VIEWER);
    }
}
