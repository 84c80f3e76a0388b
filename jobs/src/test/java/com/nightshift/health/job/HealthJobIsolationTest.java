package com.nightshift.health.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthHistory;
import com.nightshift.health.HealthState;
import com.nightshift.health.StoredResult;
import com.nightshift.ops.JobRunner;
import com.nightshift.support.IntegrationTest;

/** A check that throws or hangs is a result of the run, never a failed step or a run that does not end. */
@Import(HealthJobIsolationTest.BrokenChecks.class)
@TestPropertySource(properties = {"spring.quartz.scheduler-name=nightshift-health-isolation-test",
        "nightshift.health.run.check-timeout=1s"})
class HealthJobIsolationTest extends IntegrationTest {

    static final CountDownLatch NEVER = new CountDownLatch(1);

    @TestConfiguration
    static class BrokenChecks {

        @Bean
        HealthCheck throwingCheck() {
            return new TestCheck("mail.throws", CheckGroup.MAIL) {
                @Override
                public CheckResult run() {
                    throw new IllegalStateException("the check is broken");
                }
            };
        }

        @Bean
        HealthCheck hangingCheck() {
            return new TestCheck("mail.hangs", CheckGroup.MAIL) {
                @Override
                public CheckResult run() {
                    try {
                        NEVER.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new CheckResult(name(), group(), HealthState.OK, "woke up", List.of());
                }
            };
        }
    }

    @Autowired
    JobRunner runner;
    @Autowired
    HealthHistory history;

    @Test
    void aCheckThatThrowsIsAWarningSayingWhyAndTheRunCompletes() throws Exception {
        JobExecution execution = runner.run("health", Map.of());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(result(execution, "mail.throws")).satisfies(result -> {
            assertThat(result.state()).isEqualTo(HealthState.WARN);
            assertThat(result.message()).isEqualTo("could not check: IllegalStateException: the check is broken");
        });
    }

    @Test
    void aCheckThatHangsIsAWarningAfterTheCheckTimeoutAndTheOthersStillRun() throws Exception {
        JobExecution execution = runner.run("health", Map.of());

        assertThat(result(execution, "mail.hangs")).satisfies(result -> {
            assertThat(result.state()).isEqualTo(HealthState.WARN);
            assertThat(result.message()).startsWith("could not check: timed out after 1000 ms");
        });
        assertThat(result(execution, "mail.throws")).isNotNull();
    }

    private StoredResult result(JobExecution execution, String check) {
        return history.ofExecution(execution.getId()).stream().filter(result -> result.check().equals(check))
                .findFirst().orElseThrow();
    }

    private abstract static class TestCheck implements HealthCheck {

        private final String name;
        private final CheckGroup group;

        TestCheck(String name, CheckGroup group) {
            this.name = name;
            this.group = group;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public CheckGroup group() {
            return group;
        }
    }
}
