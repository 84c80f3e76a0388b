package com.nightshift.rollup.sql;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.nightshift.rollup.RollupPartition;
import com.nightshift.support.ExpectedRollups;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RollupTableState;

class PartitionRollupTest extends IntegrationTest {

    private static final String STORE = "广州天河店";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);
    private static final RollupPartition PARTITION = new RollupPartition(STORE, DAY, DAY);

    @Autowired
    PartitionRollup rollup;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void emptyTables() {
        RollupTableState.clear(jdbc);
    }

    @Test
    void refusesToRunOutsideARepeatableReadTransaction() {
        aLine().store(STORE).on(DAY).insert(jdbc);
        TransactionTemplate readCommitted = new TransactionTemplate(transactions);
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);

        assertThatThrownBy(() -> readCommitted.executeWithoutResult(status -> rollup.recompute(List.of(PARTITION), 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a repeatable-read transaction");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rollup_store_daily", Long.class)).isZero();
    }

    @Test
    void namesWithTabsBackslashesAndLineBreaksSurviveTheCopy() {
        aLine().store(STORE).on(DAY).product("半价\t套餐\\加\n料").channel("小程序\r").insert(jdbc);

        PartitionResult result = repeatableRead().execute(status -> rollup.recompute(List.of(PARTITION), 1)).get(0);

        assertThat(result.rows().productDays()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT product_name FROM rollup_store_product_daily", String.class))
                .isEqualTo("半价\t套餐\\加\n料");
        assertThat(new ExpectedRollups(jdbc).differences()).isZero();
    }

    @Test
    void aSecondRecomputeReplacesThePartitionInsteadOfAddingToIt() {
        aLine().store(STORE).on(DAY).amount("10.01").insert(jdbc);
        repeatableRead().execute(status -> rollup.recompute(List.of(PARTITION), 1));

        repeatableRead().execute(status -> rollup.recompute(List.of(PARTITION), 2));

        assertThat(jdbc.queryForObject("SELECT gross_amount::text FROM rollup_store_daily", String.class))
                .isEqualTo("10.01");
    }

    @Test
    void recomputingAnUnchangedPartitionRewritesNoRow() {
        aLine().store(STORE).on(DAY).product("奶茶").insert(jdbc);
        aLine().store(STORE).on(DAY).product("鸡排").insert(jdbc);
        repeatableRead().execute(status -> rollup.recompute(List.of(PARTITION), 1));
        List<String> before = rowVersions();

        PartitionResult again = repeatableRead().execute(status -> rollup.recompute(List.of(PARTITION), 2)).get(0);

        assertThat(again.rowsChanged()).isZero();
        assertThat(again.rows().size()).isEqualTo(4);
        assertThat(rowVersions()).isEqualTo(before);
    }

    @Test
    void aChangedLineRewritesOnlyTheRowsItCountsIn() {
        aLine().store(STORE).on(DAY).product("奶茶").channel("堂食").insert(jdbc);
        long changing = aLine().store(STORE).on(DAY).product("鸡排").channel("美团外卖").insert(jdbc);
        repeatableRead().execute(status -> rollup.recompute(List.of(PARTITION), 1));
        String untouched = productRowVersion("奶茶");

        jdbc.update("UPDATE orders SET product_name = '薯条' WHERE id = ?", changing);
        PartitionResult result = repeatableRead().execute(status -> rollup.recompute(List.of(PARTITION), 2)).get(0);

        // the store-day's figures are the same, 鸡排 vanished and 薯条 appeared; 奶茶 and the channels stand
        assertThat(result.rowsChanged()).isEqualTo(2);
        assertThat(productRowVersion("奶茶")).isEqualTo(untouched);
        assertThat(jdbc.queryForList("SELECT product_name FROM rollup_store_product_daily ORDER BY 1", String.class))
                .containsExactly("奶茶", "薯条");
        assertThat(new ExpectedRollups(jdbc).differences()).isZero();
    }

    @Test
    void partitionsSharingATransactionEachCompareWithTheirOwnRows() {
        String other = "西安碑林店";
        List<RollupPartition> partitions = List.of(PARTITION, new RollupPartition(other, DAY, DAY),
                new RollupPartition(STORE, DAY.plusDays(1), DAY.plusDays(2)));
        aLine().store(STORE).on(DAY).product("奶茶").insert(jdbc);
        aLine().store(other).on(DAY).product("奶茶").amount("3.50").insert(jdbc);
        aLine().store(STORE).on(DAY.plusDays(2)).product("鸡排").insert(jdbc);
        repeatableRead().execute(status -> rollup.recompute(partitions, 1));
        aLine().store(other).on(DAY).product("薯条").insert(jdbc);

        List<PartitionResult> again = repeatableRead().execute(status -> rollup.recompute(partitions, 2));

        // only the other store's day changed: its store-day and channel row, and a new product row
        assertThat(again).extracting(PartitionResult::rowsChanged).containsExactly(0L, 3L, 0L);
        assertThat(new ExpectedRollups(jdbc).differences()).isZero();
    }

    /** Where each row physically is: a row that is rewritten moves. */
    private List<String> rowVersions() {
        return jdbc.queryForList("SELECT 'store ' || ctid FROM rollup_store_daily"
                + " UNION ALL SELECT 'product ' || ctid FROM rollup_store_product_daily"
                + " UNION ALL SELECT 'channel ' || ctid FROM rollup_store_channel_daily ORDER BY 1", String.class);
    }

    private String productRowVersion(String product) {
        return jdbc.queryForObject("SELECT ctid::text FROM rollup_store_product_daily WHERE product_name = ?",
                String.class, product);
    }

    private TransactionTemplate repeatableRead() {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return template;
    }
}
