package com.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.nightshift.support.CliRun;

class StopCommandTest {

    private static final String SCHEDULER = "--spring.quartz.scheduler-name=nightshift-stop-test";

    @Test
    void stoppingAnExecutionThatWasNeverRecordedIsBadInput() {
        CliRun stop = CliRun.onTestServers("stop", "987654321", SCHEDULER);

        assertThat(stop.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(stop.errLines()).containsExactly("nightshift: no job execution 987654321");
    }

    @Test
    void stoppingAnExecutionThatHasEndedFailsAndSaysWhy() {
        CliRun run = CliRun.onTestServers("run", "rollup", "mode=full", "from=2019-01-01", "to=2019-01-01",
                SCHEDULER);
        Matcher execution = Pattern.compile("\\(execution (\\d+)\\)").matcher(run.out());
        assertThat(execution.find()).as(run.out()).isTrue();

        CliRun stop = CliRun.onTestServers("stop", execution.group(1), SCHEDULER);

        assertThat(stop.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(stop.errLines()).containsExactly("nightshift: job execution " + execution.group(1)
                + " is not running: it is COMPLETED");
    }
}
