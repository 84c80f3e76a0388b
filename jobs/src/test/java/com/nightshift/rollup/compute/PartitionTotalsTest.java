package com.nightshift.rollup.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PartitionTotalsTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    private final PartitionTotals totals = new PartitionTotals("深圳南山店");
    private long nextId = 1;

    @Test
    void anOrderWithTwoLinesOfOneProductCountsOnceAsAnOrder() {
        totals.add(line(MONDAY, "A-1", "奶茶", "美团", "completed", 1, "12.00"));
        totals.add(line(MONDAY, "A-1", "奶茶", "美团", "completed", 2, "24.00"));
        totals.finish();

        assertThat(totals.productDays()).containsExactly(new PartitionRow(MONDAY, "奶茶", 1, 2, 3, 3600, 0));
        assertThat(totals.storeDays()).containsExactly(new PartitionRow(MONDAY, null, 1, 2, 3, 3600, 0));
    }

    @Test
    void aRefundAddsToRefundsButNotToQuantityOrGross() {
        totals.add(line(MONDAY, "A-1", "奶茶", "美团", "completed", 1, "12.00"));
        totals.add(line(MONDAY, "A-2", "奶茶", "美团", "refunded", 1, "-12.00"));
        totals.finish();

        PartitionRow day = totals.storeDays().get(0);
        assertThat(day.quantity()).isEqualTo(1);
        assertThat(day.grossCents()).isEqualTo(1200);
        assertThat(day.refundCents()).isEqualTo(1200);
        assertThat(day.netCents()).isZero();
        assertThat(day.orders()).isEqualTo(2);
    }

    @Test
    void aKeyWithOnlyCancelledLinesHasNoRow() {
        totals.add(line(MONDAY, "A-1", "奶茶", "美团", "completed", 1, "12.00"));
        totals.add(line(MONDAY, "A-2", "蛋糕", "饿了么", "cancelled", 1, "30.00"));
        totals.finish();

        assertThat(totals.productDays()).extracting(PartitionRow::name).containsExactly("奶茶");
        assertThat(totals.channelDays()).extracting(PartitionRow::name).containsExactly("美团");
    }

    @Test
    void aDayWithOnlyCancelledLinesHasNoStoreRow() {
        totals.add(line(MONDAY, "A-1", "奶茶", "美团", "cancelled", 1, "12.00"));
        totals.finish();

        assertThat(totals.storeDays()).isEmpty();
        assertThat(totals.lines()).isEqualTo(1);
    }

    @Test
    void rowsLeaveInKeyOrderDayByDay() {
        totals.add(line(MONDAY, "A-1", "b", "堂食", "completed", 1, "1.00"));
        totals.add(line(MONDAY, "A-2", "a", "团购", "completed", 1, "1.00"));
        totals.add(line(TUESDAY, "A-3", "a", "堂食", "completed", 1, "1.00"));
        totals.finish();

        assertThat(totals.productDays()).extracting(row -> row.day() + " " + row.name())
                .containsExactly(MONDAY + " a", MONDAY + " b", TUESDAY + " a");
    }

    @Test
    void aLineWithAProblemIsKeptForTheQuarantineAndCountsNowhere() {
        totals.add(line(MONDAY, "A-1", "奶茶", "美团", "completed", 0, "12.00"));
        totals.finish();

        assertThat(totals.problems()).extracting(QuarantinedLine::reason)
                .containsExactly("quantity 0 on a completed line");
        assertThat(totals.storeDays()).isEmpty();
        assertThat(totals.productDays()).isEmpty();
    }

    @Test
    void linesOutOfDateOrderAreRefused() {
        totals.add(line(TUESDAY, "A-1", "奶茶", "美团", "completed", 1, "12.00"));

        assertThatThrownBy(() -> totals.add(line(MONDAY, "A-2", "奶茶", "美团", "completed", 1, "12.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("arrived after lines of " + TUESDAY);
    }

    private OrderLine line(LocalDate day, String orderNo, String product, String channel, String status,
                           int quantity, String amount) {
        return new OrderLine(nextId++, day, orderNo, product, channel, status, quantity, new BigDecimal(amount));
    }
}
