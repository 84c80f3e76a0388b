package com.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.nightshift.ops.HeldRunLock;
import com.nightshift.support.AuditTrail;
import com.nightshift.support.CliRun;
import com.nightshift.support.TestServers;

/** {@code run}, {@code stop} and {@code restart} are operator actions: recorded as the API's, done or refused. */
class CommandLineAuditTest {

    private static final String SCHEDULER = "--spring.quartz.scheduler-name=nightshift-cli-audit-test";
    private static final JdbcTemplate JDBC = new JdbcTemplate(
            new DriverManagerDataSource(TestServers.get().jdbcUrl(), "postgres", null));
    private static final String USER = System.getProperty("user.name");

    @Test
    void aRunIsRecordedOnceAsAStartByTheSystemsUserWithTheApisStatusAndItsExecution() {
        AuditTrail audit = AuditTrail.since(JDBC);

        String execution = executionId(CliRun.onTestServers("run", "rollup", "mode=full", "from=2019-02-01",
                "to=2019-02-01", SCHEDULER));

        audit.recordedOnce(USER, "start", "jobs/rollup", 202, "/api/jobs/executions/" + execution);
    }

    @Test
    void aRunIsRecordedAsComingFromThisHostsCommandLine() {
        CliRun.onTestServers("run", "rollup", "mode=full", "from=2019-02-05", "to=2019-02-05", SCHEDULER);

        assertThat(JDBC.queryForObject("SELECT address FROM operator_action WHERE target = 'jobs/rollup' "
                + "ORDER BY id DESC LIMIT 1", String.class)).startsWith("cli:").hasSizeGreaterThan("cli:".length());
    }

    @Test
    void aRunRefusedBecauseItsRunIsAliveIsRecordedWithTheApisConflict() throws Exception {
        Map<String, String> parameters = Map.of("mode", "full", "from", "2019-02-02", "to", "2019-02-02");
        AuditTrail audit = AuditTrail.since(JDBC);
        try (HeldRunLock alive = HeldRunLock.hold(TestServers.get().jdbcUrl(), "rollup", parameters)) {
            CliRun run = CliRun.onTestServers("run", "rollup", "mode=full", "from=2019-02-02", "to=2019-02-02",
                    SCHEDULER);
            assertThat(run.exitCode()).as(run.err()).isNotEqualTo(ExitCodes.OK);
        }

        audit.recordedOnce(USER, "start", "jobs/rollup", 409, null);
    }

    @Test
    void stoppingAnEndedExecutionIsRecordedAsARefusedStop() {
        String execution = executionId(CliRun.onTestServers("run", "rollup", "mode=full", "from=2019-02-03",
                "to=2019-02-03", SCHEDULER));

        AuditTrail audit = AuditTrail.since(JDBC);

        CliRun stop = CliRun.onTestServers("stop", execution, SCHEDULER);

        assertThat(stop.exitCode()).isEqualTo(ExitCodes.FAILED);
        audit.recordedOnce(USER, "stop", "jobs/executions/" + execution, 409, null);
    }

    @Test
    void restartingACompletedExecutionIsRecordedAsARefusedRestart() {
        String execution = executionId(CliRun.onTestServers("run", "rollup", "mode=full", "from=2019-02-04",
                "to=2019-02-04", SCHEDULER));

        AuditTrail audit = AuditTrail.since(JDBC);

        CliRun restart = CliRun.onTestServers("restart", execution, SCHEDULER);

        assertThat(restart.exitCode()).isNotEqualTo(ExitCodes.OK);
        audit.recordedOnce(USER, "restart", "jobs/executions/" + execution, 409, null);
    }

    @Test
    void stoppingAnExecutionNeverRecordedIsRecordedAsNotFound() {
        AuditTrail audit = AuditTrail.since(JDBC);

        CliRun.onTestServers("stop", "987654320", SCHEDULER);

        audit.recordedOnce(USER, "stop", "jobs/executions/987654320", 404, null);
    }

    private static String executionId(CliRun run) {
        Matcher execution = Pattern.compile("\\(execution (\\d+)\\)").matcher(run.out());
        assertThat(execution.find()).as(run.out() + run.err()).isTrue();
        return execution.group(1);
    }
}
