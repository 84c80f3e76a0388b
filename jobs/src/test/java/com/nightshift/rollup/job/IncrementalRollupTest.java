package com.nightshift.rollup.job;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
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
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.nightshift.ops.JobRunner;
import com.nightshift.orders.GenerateRequest;
import com.nightshift.orders.OrderGenerator;
import com.nightshift.rollup.RollupPartition;
import com.nightshift.rollup.sql.Watermark;
import com.nightshift.support.DatabaseRoles;
import com.nightshift.support.ExpectedRollups;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RollupTableState;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Incremental runs as a chain runs them: the engine connects as a role with privileges on the tables only (it
 * cannot see other roles' sessions in {@code pg_stat_activity}), the point-of-sale system writes {@code orders}
 * as a role that may touch nothing else, and the schema was migrated by the owner beforehand.
 */
class IncrementalRollupTest extends IntegrationTest {

    private static final String DATABASE = DatabaseRoles.leastPrivilegeDatabase("incremental");
    private static final LocalDate LAST = LocalDate.of(2026, 11, 9);
    private static final Map<String, String> INCREMENTAL = Map.of("mode", "incremental");

    /**
     * IntegrationTest's shared database settings are registered after these; the pool's own settings are bound
     * onto it last and win.
     */
    @DynamicPropertySource
    static void asTheApplicationRole(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.hikari.jdbc-url", () -> DatabaseRoles.urlFor(DatabaseRoles.APPLICATION,
                DATABASE));
        registry.add("spring.datasource.hikari.username", () -> DatabaseRoles.APPLICATION);
    }

    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Watermark watermark;

    final DataSource ownerDataSource = DatabaseRoles.as("postgres", DATABASE);
    final JdbcTemplate owner = new JdbcTemplate(ownerDataSource);
    final DataSource posDataSource = DatabaseRoles.as(DatabaseRoles.POINT_OF_SALE, DATABASE);
    final JdbcTemplate pos = new JdbcTemplate(posDataSource);

    ExpectedRollups expected;

    @BeforeEach
    void startFromARolledUpChain() throws Exception {
        RollupTableState.clear(owner);
        expected = new ExpectedRollups(jdbc);
        generate(new GenerateRequest(8_000, 30, 8, 21, LAST));
        assertThat(runner.run("rollup", INCREMENTAL).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void theApplicationRoleCannotSeeOtherRolesTransactions() {
        // the premise of this class: a horizon read from pg_stat_activity would be blind here
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(DatabaseRoles.APPLICATION);
        assertThat(jdbc.queryForObject("SELECT rolsuper OR pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') "
                + "FROM pg_roles WHERE rolname = current_user", Boolean.class)).isFalse();
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
    void insertsUpdatesMovesAndDeletesByThePointOfSaleRoleAreRolledUpExactly() throws Exception {
        String store = storeNamed(0);
        String other = storeNamed(1);
        LocalDate oldDate = LAST.minusDays(25);
        aLine().store(store).on(oldDate).amount("12.34").insert(pos);
        long changed = lineOf(other, LAST.minusDays(3));
        pos.update("UPDATE orders SET status = 'refunded', amount = -abs(amount) WHERE id = ?", changed);
        long moved = lineOf(other, LAST.minusDays(10));
        pos.update("UPDATE orders SET order_date = ? WHERE id = ?", LAST.minusDays(11), moved);
        long movedToAnotherStore = lineOf(other, LAST.minusDays(20));
        pos.update("UPDATE orders SET store_name = ? WHERE id = ?", store, movedToAnotherStore);
        long deleted = lineOf(store, LAST);
        pos.update("DELETE FROM orders WHERE id = ?", deleted);

        JobExecution execution = runner.run("rollup", INCREMENTAL);

        assertThat(partitionsOf(execution)).containsExactlyInAnyOrder(
                new RollupPartition(store, oldDate, oldDate),
                new RollupPartition(store, LAST.minusDays(20), LAST.minusDays(20)),
                new RollupPartition(store, LAST, LAST),
                new RollupPartition(other, LAST.minusDays(20), LAST.minusDays(20)),
                new RollupPartition(other, LAST.minusDays(11), LAST.minusDays(10)),
                new RollupPartition(other, LAST.minusDays(3), LAST.minusDays(3)));
        assertThat(expected.differences()).isZero();
    }

    @Test
    void aBulkLoadIsRolledUpByTheNextRun() throws Exception {
        // one COPY statement: its store-days are noted once, from the statement's new lines
        generate(new GenerateRequest(2_000, 3, 4, 99, LAST.plusDays(3)));

        JobExecution execution = runner.run("rollup", INCREMENTAL);

        assertThat(partitionsOf(execution)).hasSize(4);
        assertThat(expected.differences()).isZero();
    }

    @Test
    void aPreparedTransactionCommittedAfterARunPlansIsRolledUpByTheNextRun() throws Exception {
        String store = storeNamed(4);
        LocalDate day = LAST.minusDays(2);
        try (Connection till = posDataSource.getConnection(); Statement statement = till.createStatement()) {
            till.setAutoCommit(false);
            aLine().store(store).on(day).amount("88.80").insert(new JdbcTemplate(new SingleConnectionDataSource(till,
                    true)));
            statement.execute("PREPARE TRANSACTION 'till-2pc'");
        }

        JobExecution during = runner.run("rollup", INCREMENTAL);
        pos.execute("COMMIT PREPARED 'till-2pc'");
        JobExecution next = runner.run("rollup", INCREMENTAL);

        assertThat(partitionsOf(during)).doesNotContain(new RollupPartition(store, day, day));
        assertThat(partitionsOf(next)).containsExactly(new RollupPartition(store, day, day));
        assertThat(expected.differences()).isZero();
    }

    @Test
    void aPointOfSaleTransactionOpenWhileARunPlansIsRolledUpByTheNextRun() throws Exception {
        String store = storeNamed(2);
        LocalDate day = LAST.minusDays(1);
        try (Connection till = posDataSource.getConnection()) {
            till.setAutoCommit(false);
            aLine().store(store).on(day).amount("77.70").insert(new JdbcTemplate(new SingleConnectionDataSource(till,
                    true)));

            JobExecution during = runner.run("rollup", INCREMENTAL);
            till.commit();

            assertThat(partitionsOf(during)).doesNotContain(new RollupPartition(store, day, day));
        }

        JobExecution next = runner.run("rollup", INCREMENTAL);

        assertThat(partitionsOf(next)).containsExactly(new RollupPartition(store, day, day));
        assertThat(expected.differences()).isZero();
    }

    @Test
    void aLongReadOnlyTransactionDoesNotHoldBackAChange() throws Exception {
        String store = storeNamed(3);
        try (Connection report = ownerDataSource.getConnection(); Statement read = report.createStatement()) {
            report.setAutoCommit(false);
            read.execute("SELECT count(*) FROM rollup_store_daily");
            aLine().store(store).on(LAST).amount("5.00").insert(pos);

            JobExecution execution = runner.run("rollup", INCREMENTAL);

            assertThat(partitionsOf(execution)).containsExactly(new RollupPartition(store, LAST, LAST));
            report.rollback();
        }
        assertThat(expected.differences()).isZero();
    }

    @Test
    void aTransactionOpenElsewhereDoesNotHoldBackACommittedChange() throws Exception {
        String store = storeNamed(4);
        try (Connection elsewhere = ownerDataSource.getConnection(); Statement write = elsewhere.createStatement()) {
            elsewhere.setAutoCommit(false);
            write.execute("CREATE TEMPORARY TABLE scratch (n int)");
            aLine().store(store).on(LAST).amount("6.00").insert(pos);

            JobExecution execution = runner.run("rollup", INCREMENTAL);

            assertThat(partitionsOf(execution)).containsExactly(new RollupPartition(store, LAST, LAST));
            assertThat(execution.getExitStatus().getExitDescription())
                    .containsPattern("open then \\(.*\\) (is|are) left to the next run");
            elsewhere.rollback();
        }
    }

    @Test
    void aLineWithoutAStoreIsQuarantinedAndCountedOnce() throws Exception {
        long unroutable = aLine().store(null).insertDirty(owner);

        JobExecution first = runner.run("rollup", INCREMENTAL);
        JobExecution second = runner.run("rollup", INCREMENTAL);

        assertThat(owner.queryForList("SELECT order_line_id FROM rollup_quarantine", Long.class))
                .containsExactly(unroutable);
        assertThat(first.getExitStatus().getExitDescription()).contains("; 1 lines quarantined");
        assertThat(second.getExitStatus().getExitDescription()).contains("; 0 lines quarantined");
    }

    @Test
    void theWatermarkDoesNotMoveWhenARunFails() throws Exception {
        Object before = owner.queryForObject("SELECT snapshot::text FROM rollup_watermark", String.class);
        aLine().store(storeNamed(3)).on(LAST).insert(pos);
        FailingPartitions.failFor(owner, storeNamed(3));
        try {
            JobExecution failed = runner.run("rollup", INCREMENTAL);

            assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(owner.queryForObject("SELECT snapshot::text FROM rollup_watermark", String.class))
                    .isEqualTo(before);
        } finally {
            FailingPartitions.stop(owner);
        }
        assertThat(runner.run("rollup", INCREMENTAL).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(expected.differences()).isZero();
    }

    @Test
    void anOlderPlanDoesNotMoveTheWatermarkBack() {
        Watermark.Position older = watermark.now();
        pos.update("UPDATE orders SET quantity = quantity WHERE id = (SELECT min(id) FROM orders)");
        Watermark.Position newer = watermark.now();

        assertThat(watermark.advance(newer, 0)).isTrue();
        assertThat(watermark.advance(older, 0)).isFalse();
        assertThat(watermark.current()).contains(newer);
    }

    @Test
    void theChangeLogIsPrunedBelowTheWatermark() throws Exception {
        aLine().store(storeNamed(5)).on(LAST).insert(pos);
        String noted = owner.queryForObject("SELECT max(xid)::text FROM orders_changed_keys", String.class);

        runner.run("rollup", INCREMENTAL);

        assertThat(owner.queryForObject("SELECT ?::xid8 < pg_snapshot_xmin(snapshot) FROM rollup_watermark",
                Boolean.class, noted)).as("no transaction that began before the change was open at planning").isTrue();
        assertThat(owner.queryForObject("SELECT count(*) FROM orders_changed_keys WHERE xid = ?::xid8", Long.class,
                noted)).isZero();
    }

    @Test
    void theJobsMessageAndAGaugeSayHowFarBehindTheWatermarkIs() throws Exception {
        JobExecution execution = runner.run("rollup", INCREMENTAL);

        assertThat(execution.getExitStatus().getExitDescription())
                .containsPattern("watermark: changes committed by \\S+ \\([\\d.]+ s ago\\) rolled up");
        double lag = meters.get("nightshift.rollup.watermark.lag").gauge().value();
        double sincePlanning = owner.queryForObject(
                "SELECT extract(epoch FROM clock_timestamp() - planned_at)::float8 FROM rollup_watermark", Double.class);
        assertThat(lag).isPositive().isLessThanOrEqualTo(sincePlanning);
    }

    private void generate(GenerateRequest request) {
        new OrderGenerator(ownerDataSource, new TransactionTemplate(new DataSourceTransactionManager(ownerDataSource)))
                .generate(request);
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
