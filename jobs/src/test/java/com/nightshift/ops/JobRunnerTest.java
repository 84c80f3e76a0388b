package com.nightshift.ops;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RollupTableState;
import com.nightshift.support.TestServers;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class JobRunnerTest extends IntegrationTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 14);
    private static final Map<String, String> ONE_DAY = Map.of("mode", "full", "from", DAY.toString(),
            "to", DAY.toString());

    @Autowired
    JobRunner runner;
    @Autowired
    JobRepository repository;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void oneLine() {
        RollupTableState.clear(jdbc);
        aLine().store("杭州西湖店").on(DAY).amount("12.34").insert(jdbc);
    }

    @Test
    void aRunLeftStartedByAProcessThatDiedIsRecoveredAndResumedAtOnce() throws Exception {
        JobExecution orphan = anExecutionLeftStarted(ONE_DAY);

        JobExecution resumed = runner.run("rollup", ONE_DAY);

        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstance().getId()).as("the same run, resumed").isEqualTo(
                orphan.getJobInstance().getId());
        assertThat(repository.getJobExecution(orphan.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
    }

    @Test
    void aStartIsRefusedWhileAnotherSessionHoldsTheRunAndTheRefusalNamesTheExecution() throws Exception {
        JobExecution running = anExecutionLeftStarted(ONE_DAY);
        try (Connection otherProcess = anotherProcess()) {
            holdLock(otherProcess, RunKey.of("rollup", ONE_DAY));

            assertThatThrownBy(() -> runner.run("rollup", ONE_DAY))
                    .isInstanceOf(JobAlreadyRunningException.class)
                    .hasMessageContaining("execution " + running.getId())
                    .hasMessageContaining("nightshift stop " + running.getId());
        }
        assertThat(repository.getJobExecution(running.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
    }

    @Test
    void theSameParametersInAnotherOrderAreTheSameRun() {
        assertThat(RunKey.of("rollup", Map.of("from", "2026-10-01", "to", "2026-10-31", "mode", "full")))
                .isEqualTo(RunKey.of("rollup", Map.of("mode", "full", "to", "2026-10-31", "from", "2026-10-01")));
    }

    @Test
    void otherParametersOrAnotherJobAreAnotherRunWithAnotherLock() {
        RunKey october = RunKey.of("rollup", Map.of("mode", "full", "from", "2026-10-01"));

        assertThat(RunKey.of("rollup", Map.of("mode", "full", "from", "2026-10-02")).lockId())
                .isNotEqualTo(october.lockId());
        assertThat(RunKey.of("other", Map.of("mode", "full", "from", "2026-10-01")).lockId())
                .isNotEqualTo(october.lockId());
    }

    @Test
    void theLockIsReleasedWhenTheRunEnds() throws Exception {
        runner.run("rollup", ONE_DAY);

        try (Connection otherProcess = anotherProcess();
             PreparedStatement tryLock = otherProcess.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            tryLock.setLong(1, RunKey.of("rollup", ONE_DAY).lockId());
            var result = tryLock.executeQuery();
            result.next();
            assertThat(result.getBoolean(1)).isTrue();
        }
    }

    @Test
    void newRunsOfTheSameParametersGetRunIdsFromTheSequence() throws Exception {
        JobExecution first = runner.run("rollup", ONE_DAY);
        JobExecution second = runner.run("rollup", ONE_DAY);

        assertThat(second.getJobParameters().getLong(JobRunner.RUN_ID))
                .isGreaterThan(first.getJobParameters().getLong(JobRunner.RUN_ID));
        assertThat(second.getJobInstance().getId()).isNotEqualTo(first.getJobInstance().getId());
    }

    @Test
    void theJobsSummaryLineIsWrittenToTheLogAtInfoWhenItEnds() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(JobRunLog.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        JobExecution execution;
        try {
            execution = runner.run("rollup", ONE_DAY);
        } finally {
            logger.detachAppender(log);
        }

        assertThat(log.list).filteredOn(event -> event.getLevel() == Level.INFO)
                .extracting(ILoggingEvent::getFormattedMessage)
                .contains("Job rollup from=" + DAY + " mode=full to=" + DAY + " execution " + execution.getId()
                        + " ended COMPLETED: " + execution.getExitStatus().getExitDescription());
    }

    @Test
    void stoppingAnExecutionWhoseProcessDiedMarksItFailedAndSaysSo() {
        JobExecution orphan = anExecutionLeftStarted(ONE_DAY);

        assertThatThrownBy(() -> runner.stop(orphan.getId()))
                .isInstanceOf(JobNotRunningException.class)
                .hasMessageContaining("now marked FAILED");
        assertThat(repository.getJobExecution(orphan.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
    }

    /** An execution as a process killed in the middle of it leaves it: STARTED, and its lock gone with it. */
    private JobExecution anExecutionLeftStarted(Map<String, String> parameters) {
        JobParametersBuilder builder = new JobParametersBuilder();
        parameters.forEach(builder::addString);
        JobParameters withRunId = builder.addLong(JobRunner.RUN_ID,
                jdbc.queryForObject("SELECT nextval('job_run_id')", Long.class)).toJobParameters();
        JobInstance instance = repository.createJobInstance("rollup", withRunId);
        JobExecution execution = repository.createJobExecution(instance, withRunId, new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        repository.update(execution);
        return execution;
    }

    /** A connection of its own, as another process has: its session-level locks end when it closes. */
    private static Connection anotherProcess() throws SQLException {
        return DriverManager.getConnection(TestServers.get().jdbcUrl(), "postgres", null);
    }

    private static void holdLock(Connection connection, RunKey key) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, key.lockId());
            lock.execute();
        }
    }
}
