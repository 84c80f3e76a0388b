package com.nightshift.reports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nightshift.support.CliRun;
import com.nightshift.support.TestServers;

/** {@code run report ...} refuses what the job's description rules out before the engine starts: exit code 2. */
class ReportCommandLineTest {

    @Test
    void aMalformedDateIsRefusedWithExitCodeTwo() {
        CliRun run = onUnreachableServers("run", "report", "date=2026-11-31");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("parameter 'date' must be a date yyyy-MM-dd, was '2026-11-31'");
    }

    @Test
    void anUnknownParameterIsRefusedWithTheParametersTheJobTakes() {
        CliRun run = onUnreachableServers("run", "report", "shop=北京朝阳店");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown report parameter 'shop'",
                "report=NAME, date=yyyy-MM-dd, week=YYYY-Www, store=NAME, region=NAME");
    }

    @Test
    void helpRunDescribesTheReportJob() {
        CliRun run = CliRun.of("help", "run");

        assertThat(run.out()).contains("report", "week=YYYY-Www", "(default: last ISO week)");
    }

    private static CliRun onUnreachableServers(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/chain",
                "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=1",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=1",
                "--nightshift.data-dir=" + TestServers.get().dataDir()));
        return CliRun.of(all.toArray(String[]::new));
    }
}
