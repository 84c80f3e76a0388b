package com.nightshift.ops;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.NightshiftApplication;
import com.nightshift.support.ExpectedRollups;
import com.nightshift.support.RollupTableState;
import com.nightshift.support.TestServers;

/**
 * Two instances on a database of their own (so that their checks touch no other test's executions), each with
 * the dead-run check, called here directly rather than on its timer so that each test decides when it looks.
 * A process that died is simulated as it leaves things: an execution shown running whose run lock nobody holds.
 */
class DeadRunRecoveryTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 12);
    private static final LocalDate LAST_DAY = FIRST_DAY.plusDays(2);
    private static final Map<String, String> RANGE = Map.of("mode", "full", "from", FIRST_DAY.toString(),
            "to", LAST_DAY.toString());
    private static final Duration RUN = Duration.ofMinutes(1);

    private static String url;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static ExecutorService checkers;

    private JdbcTemplate jdbc;
    private JobRepository repository;

    @BeforeAll
    static void startTwoInstances() {
        url = TestServers.get().newDatabase("recovery");
        first = instance("nightshift-recovery-first");
        second = instance("nightshift-recovery-second");
        checkers = Executors.newFixedThreadPool(2);
    }

    private static ConfigurableApplicationContext instance(String schedulerName) {
        List<String> arguments = new ArrayList<>(TestServers.get().engineArguments(url));
        arguments.add("--spring.main.web-application-type=none");
        arguments.add("--spring.quartz.auto-startup=false");
        arguments.add("--spring.quartz.scheduler-name=" + schedulerName);
        arguments.add("--spring.main.banner-mode=off");
        // the tests call the check themselves
        arguments.add("--" + OpsProperties.RECOVER_DEAD_RUNS + "=false");
        return new SpringApplicationBuilder(NightshiftApplication.class).run(arguments.toArray(String[]::new));
    }

    @AfterAll
    static void stopInstances() {
        checkers.shutdownNow();
        second.close();
        first.close();
    }

    @BeforeEach
    void ordersOverThreeDays() {
        jdbc = first.getBean(JdbcTemplate.class);
        repository = first.getBean(JobRepository.class);
        RollupTableState.clear(jdbc);
        aLine().store("杭州西湖店").on(FIRST_DAY).amount("12.34").insert(jdbc);
        aLine().store("杭州西湖店").on(FIRST_DAY.plusDays(1)).quantity(3).amount("30.00").insert(jdbc);
        aLine().store("上海徐汇店").on(FIRST_DAY.plusDays(1)).channel("app").amount("8.50").insert(jdbc);
        aLine().store("上海徐汇店").on(LAST_DAY).refunded().insert(jdbc);
    }

    @Test
    void aRunLeftStartedByADeadProcessIsResumedAndItsFiguresAreExact() {
        JobExecution dead = anExecutionLeft(BatchStatus.STARTED, RANGE);

        int recovered = recovery(first).recoverDeadRuns();

        assertThat(recovered).isEqualTo(1);
        JobExecution resumed = awaitEnd(newestOf(dead));
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(repository.getJobExecution(dead.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(new ExpectedRollups(jdbc).differences()).isZero();
        assertThat(jdbc.queryForObject("SELECT sum(lines) FROM rollup_store_daily", Long.class)).isEqualTo(4);
    }

    @Test
    void aRunLeftStoppingByADeadProcessIsMarkedFailedAndNotResumed() {
        JobExecution dead = anExecutionLeft(BatchStatus.STOPPING, RANGE);

        int recovered = recovery(first).recoverDeadRuns();

        assertThat(recovered).isEqualTo(1);
        assertThat(repository.getJobExecution(dead.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(executionsOf(dead)).as("no execution resumes it").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rollup_store_daily", Long.class)).isZero();
    }

    @Test
    void aRunWhoseLockIsHeldElsewhereIsLeftAlone() throws Exception {
        try (Connection otherProcess = DriverManager.getConnection(url, "postgres", null)) {
            holdLock(otherProcess, RunKey.of("rollup", RANGE));
            JobExecution running = anExecutionLeft(BatchStatus.STARTED, RANGE);

            int recovered = recovery(first).recoverDeadRuns() + recovery(second).recoverDeadRuns();

            assertThat(recovered).isZero();
            assertThat(repository.getJobExecution(running.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
            assertThat(executionsOf(running)).isEqualTo(1);
            // ends it as its process would, while still holding its lock, so that no later check resumes it
            running.setStatus(BatchStatus.FAILED);
            running.setEndTime(LocalDateTime.now());
            repository.update(running);
        }
    }

    @Test
    void aDeadRunThatALaterExecutionOfTheSameRunSupersededIsOnlyMarkedFailed() throws Exception {
        JobExecution dead = anExecutionLeft(BatchStatus.STARTED, RANGE);
        JobExecution later = anExecutionLeft(BatchStatus.COMPLETED, RANGE);

        int recovered = recovery(second).recoverDeadRuns();

        assertThat(recovered).isEqualTo(1);
        assertThat(repository.getJobExecution(dead.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(executionsOf(dead)).as("the dead execution's run, not resumed").isEqualTo(1);
        assertThat(newestOf(later)).isEqualTo(later.getId());
    }

    @Test
    void aRunStoppedByItsInstancesShutdownIsResumedByAnotherInstance() {
        JobExecution stopped = anExecutionLeft(BatchStatus.STOPPED, RANGE);
        stopped.setExitStatus(new ExitStatus(JobHistory.STOPPED_BY_SHUTDOWN, "stopped after 1 of 3 partitions"));
        repository.update(stopped);

        int resumedHere = recovery(second).recoverDeadRuns();

        assertThat(resumedHere).isEqualTo(1);
        assertThat(awaitEnd(newestOf(stopped)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(recovery(first).recoverDeadRuns()).as("resumed once").isZero();
        assertThat(executionsOf(stopped)).isEqualTo(2);
        assertThat(new ExpectedRollups(jdbc).differences()).isZero();
    }

    @Test
    void aRunStoppedByAShutdownThatCannotBeResumedIsLeftStoppedForItsNextStartAndNotTriedAgain() {
        JobExecution stopped = anExecutionLeft("retired-job", BatchStatus.STOPPED, Map.of("day", "2026-10-12"));
        stopped.setExitStatus(new ExitStatus(JobHistory.STOPPED_BY_SHUTDOWN));
        repository.update(stopped);

        int recovered = recovery(first).recoverDeadRuns();

        assertThat(recovered).isZero();
        JobExecution left = repository.getJobExecution(stopped.getId());
        assertThat(left.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(left.getExitStatus().getExitCode()).isEqualTo(ExitStatus.STOPPED.getExitCode());
        assertThat(first.getBean(JobHistory.class).unfinishedAmongRecent(DeadRunRecovery.RECENT_EXECUTIONS))
                .as("not looked at again").isEmpty();
    }

    @Test
    void aRunStoppedByAnOperatorStaysStopped() {
        JobExecution stopped = anExecutionLeft(BatchStatus.STOPPED, RANGE);
        stopped.setExitStatus(ExitStatus.STOPPED);
        repository.update(stopped);

        int recovered = recovery(first).recoverDeadRuns();

        assertThat(recovered).isZero();
        assertThat(executionsOf(stopped)).isEqualTo(1);
    }

    @Test
    void twoInstancesNoticingTheSameDeadRunAtOnceResumeItOnce() throws Exception {
        JobExecution dead = anExecutionLeft(BatchStatus.STARTED, RANGE);
        CountDownLatch go = new CountDownLatch(1);
        Future<Integer> byFirst = checkers.submit(() -> checkWhen(go, first));
        Future<Integer> bySecond = checkers.submit(() -> checkWhen(go, second));

        go.countDown();

        assertThat(byFirst.get() + bySecond.get()).as("resumed by one of them").isEqualTo(1);
        JobExecution resumed = awaitEnd(newestOf(dead));
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(recovery(first).recoverDeadRuns() + recovery(second).recoverDeadRuns())
                .as("nothing left to recover").isZero();
        assertThat(executionsOf(dead)).as("the dead one and its one resumption").isEqualTo(2);
        assertThat(new ExpectedRollups(jdbc).differences()).isZero();
    }

    private static int checkWhen(CountDownLatch go, ConfigurableApplicationContext instance) throws Exception {
        go.await();
        return recovery(instance).recoverDeadRuns();
    }

    private static DeadRunRecovery recovery(ConfigurableApplicationContext instance) {
        return instance.getBean(DeadRunRecovery.class);
    }

    /**
     * An execution as a process killed in the middle of it leaves it, its lock gone with it; a new run of the
     * parameters, as {@link JobRunner} records one (identifying parameters as text, a {@code run.id}).
     */
    private JobExecution anExecutionLeft(BatchStatus status, Map<String, String> parameters) {
        return anExecutionLeft("rollup", status, parameters);
    }

    private JobExecution anExecutionLeft(String job, BatchStatus status, Map<String, String> parameters) {
        JobParametersBuilder builder = new JobParametersBuilder();
        parameters.forEach(builder::addString);
        JobParameters withRunId = builder.addLong(JobRunner.RUN_ID,
                jdbc.queryForObject("SELECT nextval('job_run_id')", Long.class)).toJobParameters();
        JobInstance instance = repository.createJobInstance(job, withRunId);
        JobExecution execution = repository.createJobExecution(instance, withRunId, new ExecutionContext());
        execution.setStatus(status);
        execution.setStartTime(LocalDateTime.now());
        if (!status.isRunning()) {
            execution.setEndTime(LocalDateTime.now());
        }
        repository.update(execution);
        return execution;
    }

    private long newestOf(JobExecution execution) {
        return jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution WHERE job_instance_id = ?",
                Long.class, execution.getJobInstance().getId());
    }

    private long executionsOf(JobExecution execution) {
        return jdbc.queryForObject("SELECT count(*) FROM batch_job_execution WHERE job_instance_id = ?",
                Long.class, execution.getJobInstance().getId());
    }

    private JobExecution awaitEnd(long executionId) {
        await().atMost(RUN).until(() -> !repository.getJobExecution(executionId).isRunning());
        return repository.getJobExecution(executionId);
    }

    private static void holdLock(Connection connection, RunKey key) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, key.lockId());
            lock.execute();
        }
    }
}
