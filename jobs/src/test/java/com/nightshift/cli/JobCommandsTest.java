package com.nightshift.cli;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.nightshift.support.CliRun;
import com.nightshift.support.ExpectedRollups;
import com.nightshift.support.TestServers;

/** {@code jobs}, {@code executions} and {@code restart}, on a database of this class's own. */
class JobCommandsTest {

    private static final String SCHEDULER = "--spring.quartz.scheduler-name=nightshift-job-commands-test";
    private static final LocalDate DAY = LocalDate.of(2026, 8, 3);

    private static String database;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        database = TestServers.get().newDatabase("job_commands");
        assertThat(CliRun.onDatabase(database, "migrate", SCHEDULER).exitCode()).isEqualTo(ExitCodes.OK);
        jdbc = new JdbcTemplate(new DriverManagerDataSource(database, "postgres", null));
    }

    @Test
    void jobsListsEveryJobWithItsParametersWithoutADatabase() {
        CliRun jobs = CliRun.of("jobs");

        assertThat(jobs.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(jobs.out()).contains("rollup: ", "report: ", "PARAMETER", "full|incremental", "yyyy-MM-dd");
        assertThat(jobs.out().lines().filter(line -> line.matches("\\s+mode\\s+full\\|incremental\\s+.*")))
                .hasSize(1);
    }

    @Test
    void executionsShowsTheNewestRunsWithWhoStartedThem() {
        CliRun run = CliRun.onDatabase(database, "run", "rollup", "mode=full", "from=2019-01-01", "to=2019-01-01",
                SCHEDULER);
        String id = executionId(run);

        CliRun executions = CliRun.onDatabase(database, "executions", "--job", "rollup", "--limit", "1", SCHEDULER);

        assertThat(executions.exitCode()).as(executions.err()).isEqualTo(ExitCodes.OK);
        assertThat(executions.out().lines().toList().get(0)).startsWith("ID").contains("STARTED BY");
        assertThat(executions.out().lines().toList().get(1))
                .startsWith(id + " ").contains("rollup", "COMPLETED", "command line", "from=2019-01-01 mode=full");
        assertThat(executions.out().lines().skip(2).toList()).hasSizeLessThanOrEqualTo(1)
                .allMatch(line -> line.equals("More with --before " + id), "at most the next page's hint");
    }

    @Test
    void aBadFilterIsRefusedBeforeTheEngineStarts() {
        CliRun executions = CliRun.of("executions", "--status", "SIDEWAYS");

        assertThat(executions.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(executions.errLines()).singleElement().asString().startsWith("nightshift: 'status' must be one of");
    }

    @Test
    void restartResumesAFailedRunInThisProcessAndRefusesToRestartItTwice() {
        aLine().store("重启甲店").on(DAY).amount("3.00").insert(jdbc);
        aLine().store("重启乙店").on(DAY).amount("4.00").insert(jdbc);
        refuseRowsOf("重启乙店");
        CliRun failed = CliRun.onDatabase(database, "run", "rollup", "mode=full", "from=" + DAY, "to=" + DAY,
                SCHEDULER);
        assertThat(failed.exitCode()).as(failed.out()).isEqualTo(ExitCodes.FAILED);
        jdbc.execute("DROP TRIGGER test_refuse_store ON rollup_store_daily");

        CliRun restart = CliRun.onDatabase(database, "restart", executionId(failed), SCHEDULER);

        assertThat(restart.exitCode()).as(restart.out() + restart.err()).isEqualTo(ExitCodes.OK);
        assertThat(restart.out()).startsWith("Job rollup COMPLETED");
        assertThat(new ExpectedRollups(jdbc).differences()).isZero();

        CliRun again = CliRun.onDatabase(database, "restart", executionId(failed), SCHEDULER);

        assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.errLines()).containsExactly("nightshift: job execution " + executionId(failed)
                + " is not the latest of its run (rollup from=" + DAY + " mode=full to=" + DAY + "): execution "
                + executionId(restart) + " is, and it is COMPLETED");

        CliRun completed = CliRun.onDatabase(database, "restart", executionId(restart), SCHEDULER);

        assertThat(completed.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(completed.errLines()).singleElement().asString().contains("it is COMPLETED");
    }

    @Test
    void restartingAnExecutionThatWasNeverRecordedIsBadInput() {
        CliRun restart = CliRun.onDatabase(database, "restart", "987654321", SCHEDULER);

        assertThat(restart.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(restart.errLines()).containsExactly("nightshift: no job execution 987654321");
    }

    private static String executionId(CliRun run) {
        Matcher execution = Pattern.compile("\\(execution (\\d+)\\)").matcher(run.out());
        assertThat(execution.find()).as(run.out() + run.err()).isTrue();
        return execution.group(1);
    }

    /** The database refuses one store's rollup rows, failing its partition as a full disk would. */
    private static void refuseRowsOf(String store) {
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION test_refuse_store() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.store_name = '%s' THEN
                        RAISE EXCEPTION 'injected failure for %s';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(store, store));
        jdbc.execute("CREATE TRIGGER test_refuse_store BEFORE INSERT ON rollup_store_daily FOR EACH ROW "
                + "EXECUTE FUNCTION test_refuse_store()");
    }
}
