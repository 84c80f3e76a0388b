package com.nightshift.rollup.job;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import com.nightshift.ops.JobRunner;
import com.nightshift.orders.GenerateRequest;
import com.nightshift.orders.OrderGenerator;
import com.nightshift.support.ExpectedRollups;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RollupTableState;

class RollupJobTest extends IntegrationTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 11, 9);
    private static final Map<String, String> WHOLE_RANGE = Map.of("mode", "full", "from", FIRST.toString(),
            "to", LAST.toString());

    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrderGenerator generator;

    ExpectedRollups expected;

    @BeforeEach
    void emptyTables() {
        RollupTableState.clear(jdbc);
        expected = new ExpectedRollups(jdbc);
    }

    @Test
    void aFullRunEqualsAnIndependentComputationOnGeneratedData() throws Exception {
        generator.generate(new GenerateRequest(20_000, 40, 12, 5, LAST));

        JobExecution execution = runner.run("rollup", WHOLE_RANGE);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("rollup_store_daily")).isEqualTo(12 * 40);
        assertThat(expected.differences()).isZero();
    }

    @Test
    void edgeCasesAreCountedToTheCent() throws Exception {
        aLine().store("上海浦东店😀").order("A").amount("0.01").insert(jdbc);
        aLine().store("上海浦东店😀").order("A").product("经典蛋挞").quantity(3).amount("19.99").insert(jdbc);
        aLine().store("上海浦东店😀").order("B").amount("10.10").refunded().insert(jdbc);
        aLine().store("深圳南山店").on(LocalDate.of(2026, 11, 2)).order("C").amount("8.80").refunded().insert(jdbc);
        aLine().store("广州天河店").on(LocalDate.of(2026, 11, 3)).order("D").cancelled().insert(jdbc);

        runner.run("rollup", WHOLE_RANGE);

        Map<String, Object> shanghai = jdbc.queryForMap(
                "SELECT * FROM rollup_store_daily WHERE store_name = '上海浦东店😀'");
        assertThat(shanghai).containsEntry("orders", 2).containsEntry("lines", 3).containsEntry("quantity", 4L);
        assertThat((BigDecimal) shanghai.get("gross_amount")).isEqualByComparingTo("20.00");
        assertThat((BigDecimal) shanghai.get("refund_amount")).isEqualByComparingTo("10.10");
        assertThat((BigDecimal) shanghai.get("net_amount")).isEqualByComparingTo("9.90");
        Map<String, Object> refundOnly = jdbc.queryForMap("SELECT * FROM rollup_store_daily WHERE store_name = '深圳南山店'");
        assertThat((BigDecimal) refundOnly.get("net_amount")).isEqualByComparingTo("-8.80");
        assertThat(refundOnly).containsEntry("quantity", 0L).containsEntry("orders", 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rollup_store_channel_daily WHERE store_name = '广州天河店'",
                Long.class)).as("a cancelled-only key has no row").isZero();
        assertThat(expected.differences()).isZero();
    }

    @Test
    void aStoreWhoseLinesAllVanishedLosesItsRows() throws Exception {
        long line = aLine().store("成都锦江店").insert(jdbc);
        runner.run("rollup", WHOLE_RANGE);
        assertThat(count("rollup_store_daily")).as("the store's rows before its line goes").isOne();
        jdbc.update("DELETE FROM orders WHERE id = ?", line);

        runner.run("rollup", WHOLE_RANGE);

        assertThat(count("rollup_store_daily")).isZero();
        assertThat(count("rollup_store_product_daily")).isZero();
    }

    @Test
    void rerunningARangeChangesNothing() throws Exception {
        generator.generate(new GenerateRequest(5_000, 40, 6, 8, LAST));
        aLine().store("").insertDirty(jdbc);
        runner.run("rollup", WHOLE_RANGE);
        List<Map<String, Object>> first = RollupTableState.snapshot(jdbc);

        JobExecution again = runner.run("rollup", WHOLE_RANGE);

        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(RollupTableState.snapshot(jdbc)).isEqualTo(first);
    }

    @Test
    void badLinesAreQuarantinedWithTheirReasonAndReported() throws Exception {
        aLine().store("北京朝阳店").insert(jdbc);
        long emptyStore = aLine().store("  ").insertDirty(jdbc);
        long noStore = aLine().store(null).insertDirty(jdbc);
        long unknownStatus = aLine().status("lost").insertDirty(jdbc);
        long zeroQuantity = aLine().quantity(0).insertDirty(jdbc);

        JobExecution execution = runner.run("rollup", WHOLE_RANGE);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitDescription()).contains("4 lines quarantined");
        assertThat(jdbc.queryForMap("SELECT * FROM rollup_store_daily")).containsEntry("lines", 1);
        assertThat(jdbc.queryForList("SELECT order_line_id, reason FROM rollup_quarantine ORDER BY 1"))
                .extracting(row -> row.get("order_line_id") + " " + row.get("reason"))
                .containsExactly(emptyStore + " missing store name", noStore + " missing store name",
                        unknownStatus + " unknown status 'lost'", zeroQuantity + " quantity 0 on a completed line");
    }

    @Test
    void aFixedLineLeavesTheQuarantine() throws Exception {
        long bad = aLine().status("lost").insertDirty(jdbc);
        runner.run("rollup", WHOLE_RANGE);
        assertThat(count("rollup_quarantine")).as("the bad line before it is fixed").isOne();
        jdbc.update("UPDATE orders SET status = 'completed' WHERE id = ?", bad);

        runner.run("rollup", WHOLE_RANGE);

        assertThat(count("rollup_quarantine")).isZero();
        assertThat(expected.differences()).isZero();
    }

    @Test
    void aRunThatFailsHalfwayFinishesOnRestartWithCorrectTotals() throws Exception {
        generator.generate(new GenerateRequest(10_000, 40, 8, 13, LAST));
        String failing = storeNamed(4);
        JobExecution failed = runFailingFor(failing);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getExitStatus().getExitDescription()).contains("injected failure");
        Map<String, Object> committedBeforeRestart = rowVersionsByStore();
        assertThat(committedBeforeRestart).isNotEmpty().doesNotContainKey(failing);

        JobExecution restarted = runner.run("rollup", WHOLE_RANGE);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getId()).isEqualTo(failed.getJobInstance().getId());
        assertThat(rowVersionsByStore()).as("partitions committed before the failure are not redone")
                .containsAllEntriesOf(committedBeforeRestart);
        assertThat(expected.differences()).isZero();
    }

    @Test
    void theFailedRunAndItsRestartTogetherCountEveryLineOnce() throws Exception {
        generator.generate(new GenerateRequest(10_000, 40, 8, 13, LAST));
        String failing = storeNamed(4);
        JobExecution failed = runFailingFor(failing);

        JobExecution restarted = runner.run("rollup", WHOLE_RANGE);

        assertThat(restarted.getJobInstance().getId()).isEqualTo(failed.getJobInstance().getId());
        assertThat(linesRolledUp(failed) + linesRolledUp(restarted)).isEqualTo(10_000);
    }

    @Test
    void aRunWhoseCommitFailsClaimsOnlyThePartitionsThatCommitted() throws Exception {
        generator.generate(new GenerateRequest(10_000, 40, 8, 13, LAST));
        JobExecution failed = runFailingAtCommitFor(storeNamed(4));

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(linesRolledUp(failed)).as(failed.getExitStatus().getExitDescription()).isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM orders WHERE store_name IN (SELECT store_name FROM rollup_store_daily)",
                Long.class));
        assertThat(failed.getExitStatus().getExitDescription()).contains("failed while committing");
        // the failed run is resumable: finish it, or the next test's run of the same range would resume it
        runner.run("rollup", WHOLE_RANGE);
    }

    @Test
    void aRunWhoseCommitFailedResumesOnRestart() throws Exception {
        generator.generate(new GenerateRequest(10_000, 40, 8, 13, LAST));
        String failing = storeNamed(4);
        JobExecution failed = runFailingAtCommitFor(failing);
        Map<String, Object> committedBeforeRestart = rowVersionsByStore();
        assertThat(committedBeforeRestart).isNotEmpty().doesNotContainKey(failing);

        JobExecution restarted = runner.run("rollup", WHOLE_RANGE);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getId()).isEqualTo(failed.getJobInstance().getId());
        assertThat(rowVersionsByStore()).as("partitions committed before the failure are not redone")
                .containsAllEntriesOf(committedBeforeRestart);
        assertThat(linesRolledUp(failed) + linesRolledUp(restarted)).isEqualTo(10_000);
        assertThat(expected.differences()).isZero();
    }

    /** A run over the whole range whose partitions of {@code store} fail as they write. */
    private JobExecution runFailingFor(String store) throws Exception {
        FailingPartitions.failFor(jdbc, store);
        try {
            return runner.run("rollup", WHOLE_RANGE);
        } finally {
            FailingPartitions.stop(jdbc);
        }
    }

    private JobExecution runFailingAtCommitFor(String store) throws Exception {
        FailingPartitions.failAtCommitFor(jdbc, store);
        try {
            return runner.run("rollup", WHOLE_RANGE);
        } finally {
            FailingPartitions.stop(jdbc);
        }
    }

    private String storeNamed(int index) {
        return jdbc.queryForList("SELECT DISTINCT store_name FROM orders ORDER BY 1", String.class).get(index);
    }

    private static long linesRolledUp(JobExecution execution) {
        Matcher lines = Pattern.compile("committed: ([\\d,]+) order lines")
                .matcher(execution.getExitStatus().getExitDescription());
        assertThat(lines.find()).as(execution.getExitStatus().getExitDescription()).isTrue();
        return Long.parseLong(lines.group(1).replace(",", ""));
    }

    /** The transactions that wrote each store's rows: a partition that is rolled up again gets a new one. */
    private Map<String, Object> rowVersionsByStore() {
        Map<String, Object> versions = new TreeMap<>();
        jdbc.query("SELECT store_name, string_agg(DISTINCT xmin::text, ',') FROM rollup_store_daily GROUP BY 1",
                (RowCallbackHandler) rs -> versions.put(rs.getString(1), rs.getString(2)));
        return versions;
    }

    @Test
    void badParametersAreRejectedNamingTheParameter() {
        assertThatThrownBy(() -> runner.run("rollup", Map.of("mode", "sideways")))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("'mode'");
        assertThatThrownBy(() -> runner.run("rollup", Map.of("from", "2026-11-02", "to", "2026-11-01")))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("is after to");
        assertThatThrownBy(() -> runner.run("rollup", Map.of("from", "2020-01-01", "to", "2026-11-01")))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("at most 1100");
        assertThatThrownBy(() -> runner.run("rollup", Map.of("from", "2026-02-30")))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("'from'");
        assertThatThrownBy(() -> runner.run("rollup", Map.of("mode", "incremental", "from", "2026-11-01")))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("mode=full only");
        assertThatThrownBy(() -> runner.run("rollup", Map.of("form", "2026-11-01")))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("unknown rollup parameter 'form'");
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
