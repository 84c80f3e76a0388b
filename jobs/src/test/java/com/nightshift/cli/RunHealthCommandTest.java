package com.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nightshift.support.CliRun;
import com.nightshift.support.TestServers;

/** {@code run health} on a database of this class's own: one line per check, and exit 0 whatever they found. */
class RunHealthCommandTest {

    private static final String SCHEDULER = "--spring.quartz.scheduler-name=nightshift-run-health-test";

    private static String database;

    @BeforeAll
    static void database() {
        database = TestServers.get().newDatabase("run_health");
        assertThat(CliRun.onDatabase(database, "migrate", SCHEDULER).exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void printsOneLinePerCheckWithItsStateNameAndMessage() {
        CliRun run = CliRun.onDatabase(database, "run", "health", SCHEDULER);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).containsPattern("Job health COMPLETED in [\\d.]+ s \\(execution \\d+\\)")
                .containsPattern("\\d+ checks: \\d+ OK, \\d+ WARN, \\d+ CRIT");
        assertThat(run.out().lines()).anyMatch(line -> line.matches("  OK {3}database\\.latency +The database "
                + "answers in [\\d.]+ ms\\."))
                .anyMatch(line -> line.matches("  OK {3}mail\\.smtp +The mail server 127\\.0\\.0\\.1:\\d+ answers "
                        + "in \\d+ ms\\."));
    }

    @Test
    void completesWithExitZeroWhenACheckIsCritAndTheExitMessageNamesIt() {
        // no disk has more than all of it free
        CliRun run = CliRun.onDatabase(database, "run", "health", "--nightshift.health.disk.free-crit-percent=101",
                SCHEDULER);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("CRIT: disk.logs, disk.reports")
                .containsPattern("  CRIT disk\\.reports +Report files \\(.*\\) have .* MB free");
    }

    @Test
    void refusesParametersBeforeTheEngineStarts() {
        CliRun run = CliRun.of("run", "health", "group=database");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown health parameter 'group'; health takes no parameters");
    }
}
