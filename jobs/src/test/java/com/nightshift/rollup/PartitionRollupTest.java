package com.nightshift.rollup;

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

    private TransactionTemplate repeatableRead() {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return template;
    }
}
