package com.nightshift.rollup.sql;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.nightshift.rollup.RollupPartition;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RollupTableState;

/** The per-store-day rollup state commits with its partition's rows, and only with them. */
class StoreDayStatesTest extends IntegrationTest {

    private static final String STORE = "杭州西湖店";
    private static final LocalDate FIRST = LocalDate.of(2026, 11, 2);
    private static final LocalDate LAST = LocalDate.of(2026, 11, 4);

    @Autowired
    PartitionRollup rollup;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void emptyTables() {
        RollupTableState.clear(jdbc);
        jdbc.execute("TRUNCATE rollup_store_day_state");
    }

    @Test
    void eachStoreDayOfAPartitionGetsTheSnapshotItsRowsWereReadFrom() {
        aLine().store(STORE).on(FIRST).insert(jdbc);

        repeatableRead().execute(status -> rollup.recompute(List.of(new RollupPartition(STORE, FIRST, LAST)), 42));

        List<Map<String, Object>> states = jdbc.queryForList("""
                SELECT business_date, job_execution_id,
                       (SELECT bool_and(pg_visible_in_snapshot(k.xid, s.snapshot)) FROM orders_changed_keys k)
                           AS sees_every_note
                FROM rollup_store_day_state s WHERE store_name = ? ORDER BY business_date""", STORE);
        assertThat(states).extracting(row -> row.get("business_date").toString())
                .containsExactly("2026-11-02", "2026-11-03", "2026-11-04");
        assertThat(states).allSatisfy(row -> {
            assertThat(row).containsEntry("job_execution_id", 42L);
            assertThat(row).containsEntry("sees_every_note", true);
        });
    }

    @Test
    void aLaterChangeIsNotSeenByTheStateOfTheRollupBeforeIt() {
        aLine().store(STORE).on(FIRST).insert(jdbc);
        repeatableRead().execute(status -> rollup.recompute(List.of(new RollupPartition(STORE, FIRST, FIRST)), 1));

        aLine().store(STORE).on(FIRST).amount("5.00").insert(jdbc);

        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM orders_changed_keys k JOIN rollup_store_day_state s
                    ON s.store_name = k.store_name AND s.business_date = k.order_date
                WHERE NOT pg_visible_in_snapshot(k.xid, s.snapshot)""", Long.class)).isOne();
    }

    @Test
    void aPartitionThatRollsBackLeavesNoState() {
        aLine().store(STORE).on(FIRST).insert(jdbc);

        assertThatThrownBy(() -> repeatableRead().executeWithoutResult(status -> {
            rollup.recompute(List.of(new RollupPartition(STORE, FIRST, FIRST)), 7);
            throw new IllegalStateException("the partition's transaction fails after its rows are written");
        })).hasMessageContaining("fails after");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM rollup_store_day_state", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rollup_store_daily", Long.class)).isZero();
    }

    @Test
    void aRollupOfTheSameStoreDayAgainReplacesItsState() {
        aLine().store(STORE).on(FIRST).insert(jdbc);
        repeatableRead().execute(status -> rollup.recompute(List.of(new RollupPartition(STORE, FIRST, FIRST)), 1));

        repeatableRead().execute(status -> rollup.recompute(List.of(new RollupPartition(STORE, FIRST, FIRST)), 2));

        assertThat(jdbc.queryForList("SELECT job_execution_id FROM rollup_store_day_state", Long.class))
                .containsExactly(2L);
    }

    private TransactionTemplate repeatableRead() {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return template;
    }
}
