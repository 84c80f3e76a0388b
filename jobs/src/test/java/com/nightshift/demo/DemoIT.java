package com.nightshift.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nightshift.support.ApiClient;
import com.nightshift.support.JarProcess;

/** The README's demo command, run from the packaged jar on the embedded default. */
class DemoIT {

    private static final Pattern SERVING_LINE = Pattern.compile("Serving on http://localhost:(\\d+) .*");
    private static final Pattern LOGIN_LINE = Pattern.compile("Log in as demo with password (\\S+) .*");
    private static final Pattern TABLE_LINE = Pattern.compile("^\\s+table\\s+(\\S+)\\s+([\\d,]+) rows$");
    private static final Pattern POSTGRES_LINE = Pattern.compile("^Embedded PostgreSQL\\s+(jdbc:\\S+)$");
    private static final Duration START = Duration.ofMinutes(4);

    @TempDir
    Path workDir;

    @Test
    void printsOutputsWhoseCountsMatchTheDatabaseAndKeepsThemAcrossARestart() throws Exception {
        Map<String, Long> firstCounts;
        try (JarProcess demo = startDemo()) {
            List<String> output = demo.awaitLine("Log in as demo", START);
            assertThat(output).anyMatch(line -> line.startsWith("Generated the demo chain: 20,000 order lines"));
            assertThat(output).as("the partitions step counts order lines, not partitions").anyMatch(line ->
                    line.matches("\\s+step rollupPartitionsStep\\s+COMPLETED read 20,000, written [\\d,]+, skipped 0"));
            assertThat(output).containsSubsequence("  Whole chain", "  Top stores by net sales", "  Channels");
            assertThat(output).as("health runs after the rollup and prints each check's line").anyMatch(line ->
                    line.startsWith("Job health COMPLETED")).anyMatch(line ->
                    line.matches("  (OK|WARN|CRIT) +database\\.latency +.+"));
            assertThat(output).as("the health run tells the demo's on-call address about what it found").anyMatch(
                    line -> line.startsWith("  alerts: ") && !line.contains("nobody to tell"));
            assertThat(output).as("the shipped schedules and their next fires").contains(
                    "Schedules from classpath:schedules/, firing while the demo serves:").anyMatch(line ->
                    line.matches("\\s+rollup-incremental\\s+rollup\\s+mode=incremental\\s+NORMAL\\s+0 0/15 \\* \\* \\* \\?"
                            + "\\s+Asia/Shanghai\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:00 \\+08:00\\s+.*"));
            firstCounts = printedTableCounts(output);
            assertThat(firstCounts).containsEntry("orders", 20_000L);
            assertThat(firstCounts).isEqualTo(countsInDatabase(postgresUrl(output), firstCounts));
            assertTheDemoOperatorLogsInAndNobodyElse(output);
            demo.stop(Duration.ofMinutes(1));
        }

        try (JarProcess again = startDemo()) {
            List<String> output = again.awaitLine("Serving on", START);
            assertThat(output).contains("The database already has orders: keeping them.");
            assertThat(printedTableCounts(output)).isEqualTo(firstCounts);
            again.stop(Duration.ofMinutes(1));
        }
    }

    private JarProcess startDemo() throws Exception {
        return JarProcess.start(workDir, "demo", "--nightshift.demo.order-lines=20000",
                "--nightshift.embedded.postgres-port=0", "--nightshift.embedded.redis-port=0",
                "--nightshift.embedded.smtp-port=0", "--server.port=0");
    }

    /** The demo serves with logins on: anonymous callers are refused, the printed operator gets in. */
    private static void assertTheDemoOperatorLogsInAndNobodyElse(List<String> output) {
        String port = output.stream().map(SERVING_LINE::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("no 'Serving on' line in the output"));
        String password = output.stream().map(LOGIN_LINE::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("no 'Log in as demo' line in the output"));
        ApiClient demo = ApiClient.on(Integer.parseInt(port)).as("demo", password);
        assertThat(demo.anonymous().get("/api/jobs").statusCode()).isEqualTo(401);
        assertThat(demo.get("/api/jobs").statusCode()).isEqualTo(200);
    }

    private static Map<String, Long> printedTableCounts(List<String> output) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String line : output) {
            Matcher matcher = TABLE_LINE.matcher(line);
            if (matcher.matches()) {
                counts.put(matcher.group(1), Long.parseLong(matcher.group(2).replace(",", "")));
            }
        }
        return counts;
    }

    private static String postgresUrl(List<String> output) {
        return output.stream().map(POSTGRES_LINE::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("no embedded PostgreSQL line in the output"));
    }

    private static Map<String, Long> countsInDatabase(String url, Map<String, Long> tables) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", null);
             Statement statement = connection.createStatement()) {
            for (String table : tables.keySet()) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }
}
