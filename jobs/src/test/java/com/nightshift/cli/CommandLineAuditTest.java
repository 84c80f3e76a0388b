package com.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.nightshift.ops.HeldRunLock;
import com.nightshift.support.CliRun;
import com.nightshift.support.TestServers;

/** {@code run}, {@code stop} and {@code restart} are operator actions: recorded as the API's, done or refused. */
class CommandLineAuditTest {

    private static final String SCHEDULER = "--spring.quartz.scheduler-name=nightshift-cli-audit-test";
    private static final JdbcTemplate JDBC = new JdbcTemplate(
            new DriverManagerDataSource(TestServers.get().jdbcUrl(), "postgres", null));

    @Test
    void aRunIsRecordedAsAStartByTheSystemsUserOnThisHostWithItsExecution() {
        String execution = executionId(CliRun.onTestServers("run", "rollup", "mode=full", "from=2019-02-01",
                "to=2019-02-01", SCHEDULER));

        Map<String, Object> action = newestOn("jobs/rollup");

        assertThat(action).containsEntry("user_name", System.getProperty("user.name")).containsEntry("action", "start")
                .containsEntry("status", 200).containsEntry("outcome", "/api/jobs/executions/" + execution);
        assertThat((String) action.get("address")).startsWith("cli:").hasSizeGreaterThan("cli:".length());
    }

    @Test
    void aRunRefusedBecauseItsRunIsAliveIsRecordedWithTheApisConflict() throws Exception {
        Map<String, String> parameters = Map.of("mode", "full", "from", "2019-02-02", "to", "2019-02-02");
        try (HeldRunLock alive = HeldRunLock.hold(TestServers.get().jdbcUrl(), "rollup", parameters)) {
            CliRun run = CliRun.onTestServers("run", "rollup", "mode=full", "from=2019-02-02", "to=2019-02-02",
                    SCHEDULER);
            assertThat(run.exitCode()).as(run.err()).isNotEqualTo(ExitCodes.OK);
        }

        assertThat(newestOn("jobs/rollup")).containsEntry("action", "start").containsEntry("status", 409)
                .containsEntry("outcome", null);
    }

    @Test
    void stoppingAnEndedExecutionIsRecordedAsARefusedStop() {
        String execution = executionId(CliRun.onTestServers("run", "rollup", "mode=full", "from=2019-02-03",
                "to=2019-02-03", SCHEDULER));

        CliRun stop = CliRun.onTestServers("stop", execution, SCHEDULER);

        assertThat(stop.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(newestOn("jobs/executions/" + execution)).containsEntry("action", "stop")
                .containsEntry("status", 409).containsEntry("user_name", System.getProperty("user.name"));
    }

    @Test
    void restartingACompletedExecutionIsRecordedAsARefusedRestart() {
        String execution = executionId(CliRun.onTestServers("run", "rollup", "mode=full", "from=2019-02-04",
                "to=2019-02-04", SCHEDULER));

        CliRun restart = CliRun.onTestServers("restart", execution, SCHEDULER);

        assertThat(restart.exitCode()).isNotEqualTo(ExitCodes.OK);
        assertThat(newestOn("jobs/executions/" + execution)).containsEntry("action", "restart")
                .containsEntry("status", 409);
    }

    @Test
    void stoppingAnExecutionNeverRecordedIsRecordedAsNotFound() {
        CliRun.onTestServers("stop", "987654320", SCHEDULER);

        assertThat(newestOn("jobs/executions/987654320")).containsEntry("action", "stop").containsEntry("status", 404);
    }

    private static Map<String, Object> newestOn(String target) {
        return JDBC.queryForMap("SELECT user_name, action, status, outcome, address FROM operator_action "
                + "WHERE target = ? ORDER BY id DESC LIMIT 1", target);
    }

    private static String executionId(CliRun run) {
        Matcher execution = Pattern.compile("\\(execution (\\d+)\\)").matcher(run.out());
        assertThat(execution.find()).as(run.out() + run.err()).isTrue();
        return execution.group(1);
    }
}
