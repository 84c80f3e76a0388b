package com.nightshift.rollup.sql;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.nightshift.rollup.RollupPartition;
import com.nightshift.rollup.RollupProperties;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RollupTableState;

class OrderLinePagesTest extends IntegrationTest {

    private static final String STORE = "杭州西湖店";
    private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void emptyTables() {
        RollupTableState.clear(jdbc);
    }

    @Test
    void pagesSmallerThanADayReadEveryLineOnceInDateOrder() {
        List<Long> expected = new ArrayList<>();
        for (int day = 2; day >= 0; day--) {
            for (int line = 0; line < 5; line++) {
                expected.add(aLine().store(STORE).on(FIRST.plusDays(day)).insert(jdbc));
            }
        }
        expected.sort((a, b) -> Long.compare(dayOf(a), dayOf(b)) != 0 ? Long.compare(dayOf(a), dayOf(b))
                : Long.compare(a, b));

        assertThat(idsRead(new RollupPartition(STORE, FIRST, FIRST.plusDays(2)), 2)).isEqualTo(expected);
    }

    @Test
    void linesOfOtherStoresAndOtherDatesAreNotRead() {
        long inside = aLine().store(STORE).on(FIRST).insert(jdbc);
        aLine().store("宁波鄞州店").on(FIRST).insert(jdbc);
        aLine().store(STORE).on(FIRST.minusDays(1)).insert(jdbc);
        aLine().store(STORE).on(FIRST.plusDays(1)).insert(jdbc);

        assertThat(idsRead(new RollupPartition(STORE, FIRST, FIRST), 1)).containsExactly(inside);
    }

    @Test
    void aPageSizeOfExactlyThePartitionEndsWithAnEmptyPage() {
        long first = aLine().store(STORE).on(FIRST).insert(jdbc);
        long second = aLine().store(STORE).on(FIRST).insert(jdbc);

        assertThat(idsRead(new RollupPartition(STORE, FIRST, FIRST), 2)).containsExactly(first, second);
    }

    @Test
    void inARepeatableReadTransactionALineMovedBetweenPagesIsReadOnceWhereItWas() {
        long first = aLine().store(STORE).on(FIRST).insert(jdbc);
        long second = aLine().store(STORE).on(FIRST.plusDays(1)).insert(jdbc);
        long moved = aLine().store(STORE).on(FIRST.plusDays(2)).insert(jdbc);
        TransactionTemplate repeatableRead = new TransactionTemplate(transactions);
        repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        TransactionTemplate elsewhere = new TransactionTemplate(transactions);
        elsewhere.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        List<Long> ids = new ArrayList<>();

        repeatableRead.executeWithoutResult(status -> new OrderLinePages(jdbc, properties(1))
                .forEachLine(new RollupPartition(STORE, FIRST, FIRST.plusDays(2)), line -> {
                    ids.add(line.id());
                    if (line.id() == second) {
                        // committed by another transaction after the second page: the line moves from the third
                        // page's day to the first's, where the pages have already passed
                        elsewhere.executeWithoutResult(other ->
                                jdbc.update("UPDATE orders SET order_date = ? WHERE id = ?", FIRST, moved));
                    }
                }));

        assertThat(ids).containsExactly(first, second, moved);
    }

    private List<Long> idsRead(RollupPartition partition, int pageSize) {
        List<Long> ids = new ArrayList<>();
        new OrderLinePages(jdbc, properties(pageSize)).forEachLine(partition, line -> ids.add(line.id()));
        return ids;
    }

    private long dayOf(long id) {
        return jdbc.queryForObject("SELECT order_date - DATE '2000-01-01' FROM orders WHERE id = ?", Long.class, id);
    }

    private static RollupProperties properties(int pageSize) {
        return new Binder(new MapConfigurationPropertySource(
                Map.of("nightshift.rollup.page-size", String.valueOf(pageSize))))
                .bindOrCreate("nightshift.rollup", RollupProperties.class);
    }
}
