package com.nightshift.health.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthHistory;
import com.nightshift.health.StoredResult;
import com.nightshift.ops.JobRunner;
import com.nightshift.support.IntegrationTest;

/** The job {@code health} end to end on the embedded servers, with the engine's own checks. */
class HealthJobTest extends IntegrationTest {

    @Autowired
    JobRunner runner;
    @Autowired
    HealthHistory history;
    @Autowired
    List<HealthCheck> checks;

    @Test
    void runsOneStepPerGroupThatHasChecksInTheGroupsOrderThenTheAlerts() throws Exception {
        JobExecution execution = runner.run("health", Map.of());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName)
                .containsExactlyElementsOf(Stream.concat(HealthJobConfiguration.groups(checks).keySet().stream()
                        .map(HealthJobConfiguration::stepName), Stream.of(HealthJobConfiguration.ALERTS_STEP))
                        .toList())
                .startsWith("healthDatabaseStep");
    }

    @Test
    void keepsOneResultOfEveryCheckForTheRun() throws Exception {
        JobExecution execution = runner.run("health", Map.of());

        assertThat(history.ofExecution(execution.getId())).extracting(StoredResult::check)
                .containsExactlyInAnyOrderElementsOf(checks.stream().map(HealthCheck::name).toList());
    }

    @Test
    void theExitMessageCountsTheChecksByState() throws Exception {
        JobExecution execution = runner.run("health", Map.of());

        assertThat(execution.getExitStatus().getExitDescription())
                .matches("(?s).*" + checks.size() + " checks: \\d+ OK, \\d+ WARN, \\d+ CRIT.*");
    }

    @Test
    void theLatestResultOfACheckIsTheNewestRun() throws Exception {
        runner.run("health", Map.of());
        JobExecution second = runner.run("health", Map.of());

        assertThat(history.latest(List.of("database.latency"))).singleElement()
                .extracting(StoredResult::jobExecutionId).isEqualTo(second.getId());
    }

    @Test
    void refusesParameters() {
        assertThatThrownBy(() -> runner.run("health", Map.of("group", "database")))
                .hasMessageContaining("unknown health parameter 'group'");
    }
}
