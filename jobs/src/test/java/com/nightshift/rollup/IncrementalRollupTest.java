package com.nightshift.rollup;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.ops.JobRunner;
import com.nightshift.orders.GenerateRequest;
import com.nightshift.orders.OrderGenerator;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RollupTableState;

class IncrementalRollupTest extends IntegrationTest {

    private static final LocalDate LAST = LocalDate.of(2026, 11, 9);
    private static final Map<String, String> INCREMENTAL = Map.of("mode", "incremental");

    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    OrderGenerator generator;

    ExpectedRollups expected;

    @BeforeEach
    void startFromARolledUpChain() throws Exception {
        RollupTableState.clear(jdbc);
        expected = new ExpectedRollups(jdbc);
        generator.generate(new GenerateRequest(8_000, 30, 8, 21, LAST));
        assertThat(runner.run("rollup", INCREMENTAL).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void theFirstIncrementalRunRollsUpEverything() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rollup_store_daily", Long.class)).isEqualTo(8 * 30);
        assertThat(expected.differences()).isZero();
    }

    @Test
    void withNothingChangedNoPartitionRuns() throws Exception {
        JobExecution execution = runner.run("rollup", INCREMENTAL);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitionsOf(execution)).isEmpty();
    }

    @Test
    void picksUpExactlyTheChangedStoreDays() throws Exception {
        String store = storeNamed(0);
        String other = storeNamed(1);
        LocalDate oldDate = LAST.minusDays(25);
        aLine().store(store).on(oldDate).amount("12.34").insert(jdbc);
        long changed = lineOf(other, LAST.minusDays(3));
        jdbc.update("UPDATE orders SET status = 'refunded', amount = -abs(amount) WHERE id = ?", changed);
        long moved = lineOf(other, LAST.minusDays(10));
        jdbc.update("UPDATE orders SET order_date = ? WHERE id = ?", LAST.minusDays(11), moved);
        long deleted = lineOf(store, LAST);
        jdbc.update("DELETE FROM orders WHERE id = ?", deleted);

        JobExecution execution = runner.run("rollup", INCREMENTAL);

        assertThat(partitionsOf(execution)).containsExactlyInAnyOrder(
                new RollupPartition(store, oldDate, oldDate),
                new RollupPartition(store, LAST, LAST),
                new RollupPartition(other, LAST.minusDays(11), LAST.minusDays(10)),
                new RollupPartition(other, LAST.minusDays(3), LAST.minusDays(3)));
        assertThat(expected.differences()).isZero();
    }

    @Test
    void aLineCommittedWhileARunStartsIsPickedUpByTheNextRun() throws Exception {
        String store = storeNamed(2);
        try (Connection slowWriter = dataSource.getConnection()) {
            slowWriter.setAutoCommit(false);
            aLine().store(store).on(LAST).amount("77.70").insert(new JdbcTemplate(
                    new org.springframework.jdbc.datasource.SingleConnectionDataSource(slowWriter, true)));

            runner.run("rollup", INCREMENTAL);
            slowWriter.commit();
        }

        JobExecution next = runner.run("rollup", INCREMENTAL);

        assertThat(partitionsOf(next)).contains(new RollupPartition(store, LAST, LAST));
        assertThat(expected.differences()).isZero();
    }

    @Test
    void theWatermarkDoesNotMoveWhenARunFails() throws Exception {
        Object before = jdbc.queryForObject("SELECT changed_before FROM rollup_watermark", Object.class);
        aLine().store(storeNamed(3)).on(LAST).insert(jdbc);
        FailingPartitions.failFor(jdbc, storeNamed(3));
        try {
            JobExecution failed = runner.run("rollup", INCREMENTAL);

            assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(jdbc.queryForObject("SELECT changed_before FROM rollup_watermark", Object.class))
                    .isEqualTo(before);
        } finally {
            FailingPartitions.stop(jdbc);
        }
        assertThat(runner.run("rollup", INCREMENTAL).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(expected.differences()).isZero();
    }

    private String storeNamed(int index) {
        return jdbc.queryForList("SELECT DISTINCT store_name FROM orders ORDER BY 1", String.class).get(index);
    }

    private long lineOf(String store, LocalDate date) {
        return jdbc.queryForObject("SELECT min(id) FROM orders WHERE store_name = ? AND order_date = ? "
                + "AND status = 'completed'", Long.class, store, date);
    }

    static List<RollupPartition> partitionsOf(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith(RollupJobConfiguration.PARTITION_STEP + ":"))
                .flatMap(step -> PartitionAssignment.committed(step.getExecutionContext()).stream())
                .toList();
    }

}
