package com.nightshift.ops.console;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.ops.JobRunner;
import com.nightshift.support.ConsoleClient;
import com.nightshift.support.RollupTableState;
import com.nightshift.support.TestUsers;
import com.nightshift.support.WebIntegrationTest;

/** Base of the ops pages' tests: one context for all of them, logins on, empty order tables, real runs. */
@TestPropertySource(properties = {"spring.quartz.scheduler-name=nightshift-ops-console-test",
        "nightshift.security.enabled=true"})
abstract class OpsConsoleTest extends WebIntegrationTest {

    private static final Pattern LOCATION_ID = Pattern.compile("/console/executions/(\\d+)$");

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private JobRunner runner;

    protected ConsoleTestRuns runs;

    @BeforeEach
    void emptyTables() {
        RollupTableState.clear(jdbc);
        runs = new ConsoleTestRuns(runner, jdbc, dataSource);
    }

    protected ConsoleClient operator() {
        return console().logIn(TestUsers.OPERATOR);
    }

    protected ConsoleClient viewer() {
        return console().logIn(TestUsers.VIEWER);
    }

    /** The execution a redirect leads to. */
    protected static long redirectedExecution(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
        Matcher id = LOCATION_ID.matcher(location);
        if (!id.find()) {
            throw new AssertionError("not an execution's page: " + location);
        }
        return Long.parseLong(id.group(1));
    }

    /** The inside of the first element whose start tag holds {@code startTag}, up to {@code end}. */
    protected static String element(String page, String startTag, String end) {
        int start = page.indexOf(startTag);
        if (start < 0) {
            throw new AssertionError("no " + startTag + " in the page");
        }
        return page.substring(start, page.indexOf(end, start));
    }
}
