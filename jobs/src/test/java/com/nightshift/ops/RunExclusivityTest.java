package com.nightshift.ops;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.NightshiftApplication;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RollupTableState;
import com.nightshift.support.TestServers;

/** Two instances on one database, as a chain runs them, start the same run at the same instant. */
class RunExclusivityTest extends IntegrationTest {

    private static final Map<String, String> INCREMENTAL = Map.of("mode", "incremental");
    private static final int ROUNDS = 20;

    private static ConfigurableApplicationContext secondInstance;
    private static ExecutorService starters;

    @Autowired
    JobRunner firstRunner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void startSecondInstance() {
        List<String> arguments = new ArrayList<>(TestServers.get().engineArguments(TestServers.get().jdbcUrl()));
        arguments.add("--spring.main.web-application-type=none");
        arguments.add("--spring.quartz.auto-startup=false");
        // Quartz's JVM-wide registry: a second scheduler in the same JVM needs a name of its own
        arguments.add("--spring.quartz.scheduler-name=nightshift-second-instance");
        arguments.add("--spring.main.banner-mode=off");
        secondInstance = new SpringApplicationBuilder(NightshiftApplication.class)
                .run(arguments.toArray(String[]::new));
        starters = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopSecondInstance() {
        starters.shutdownNow();
        secondInstance.close();
    }

    @Test
    void twoInstancesStartingTheSameIncrementalRunTogetherRunItOnceAndRefuseTheOther() throws Exception {
        RollupTableState.clear(jdbc);
        JobRunner secondRunner = secondInstance.getBean(JobRunner.class);
        for (int round = 0; round < ROUNDS; round++) {
            aLine().store("杭州西湖店").on(LocalDate.of(2026, 10, 1).plusDays(round)).insert(jdbc);
            long executionsBefore = executions();
            Future<JobExecution> first;
            Future<JobExecution> second;
            try (Connection blocker = dataSource.getConnection(); Statement statement = blocker.createStatement()) {
                // holds the winner at its first step (step executions cannot be written), so the two overlap
                blocker.setAutoCommit(false);
                statement.execute("LOCK TABLE batch_step_execution IN SHARE MODE");
                CountDownLatch go = new CountDownLatch(1);
                first = starters.submit(() -> startWhen(go, firstRunner));
                second = starters.submit(() -> startWhen(go, secondRunner));
                go.countDown();
                await().atMost(Duration.ofSeconds(30)).until(() -> first.isDone() || second.isDone());
                blocker.rollback();
            }
            List<Throwable> refusals = new ArrayList<>();
            List<JobExecution> runs = new ArrayList<>();
            for (Future<JobExecution> start : List.of(first, second)) {
                try {
                    runs.add(start.get());
                } catch (ExecutionException e) {
                    refusals.add(e.getCause());
                }
            }

            assertThat(runs).as("round %d: runs", round).hasSize(1);
            assertThat(runs.get(0).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(refusals).as("round %d: refusals", round).singleElement()
                    .isInstanceOf(JobAlreadyRunningException.class);
            assertThat(refusals.get(0)).hasMessageContaining("job rollup mode=incremental is already");
            assertThat(executions()).as("round %d: nothing recorded for the refused start", round)
                    .isEqualTo(executionsBefore + 1);
        }
        assertThat(jdbc.queryForObject("SELECT sum(lines) FROM rollup_store_daily", Long.class))
                .as("every round's line rolled up once").isEqualTo(ROUNDS);
    }

    private static JobExecution startWhen(CountDownLatch go, JobRunner runner) throws Exception {
        go.await();
        return runner.run("rollup", INCREMENTAL);
    }

    private long executions() {
        return jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Long.class);
    }
}
