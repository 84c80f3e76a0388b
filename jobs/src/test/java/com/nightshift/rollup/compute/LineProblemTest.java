package com.nightshift.rollup.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class LineProblemTest {

    private static final String STORE = "成都金牛店";

    @Test
    void aCompleteCompletedLineHasNoProblem() {
        assertThat(LineProblem.of(STORE, line("completed", 2, "31.50"))).isNull();
    }

    @Test
    void aStoreNameOfSpacesIsMissing() {
        assertThat(LineProblem.of("   ", line("completed", 1, "1.00"))).isEqualTo("missing store name");
    }

    @Test
    void anUnknownStatusIsNamed() {
        assertThat(LineProblem.of(STORE, line("paid", 1, "1.00"))).isEqualTo("unknown status 'paid'");
    }

    @Test
    void aCancelledLineNeedsNoAmountOrQuantity() {
        OrderLine cancelled = new OrderLine(1, LocalDate.of(2026, 11, 1), "A-1", "面", "堂食", "cancelled", null, null);

        assertThat(LineProblem.of(STORE, cancelled)).isNull();
    }

    @Test
    void aCompletedLineWithoutQuantityIsRefused() {
        assertThat(LineProblem.of(STORE, line("completed", 0, "1.00"))).isEqualTo("quantity 0 on a completed line");
    }

    @Test
    void aRefundedLineWithAPositiveAmountIsRefused() {
        assertThat(LineProblem.of(STORE, line("refunded", 1, "3.00"))).isEqualTo("positive amount on a refunded line");
    }

    @Test
    void anAmountFinerThanACentIsRefusedRatherThanRounded() {
        assertThat(LineProblem.of(STORE, line("completed", 1, "2.005")))
                .isEqualTo("amount 2.005 has fractions of a cent");
    }

    @Test
    void anAmountBeyondTheSchemasLimitIsRefused() {
        assertThat(LineProblem.of(STORE, line("completed", 1, "10000000000.00")))
                .isEqualTo("amount 10000000000.00 is larger than an order line can be");
    }

    @Test
    void trailingZerosBeyondTheCentAreNotFractions() {
        assertThat(LineProblem.of(STORE, line("completed", 1, "2.500"))).isNull();
    }

    @Test
    void aBlankProductIsMissing() {
        OrderLine line = new OrderLine(1, LocalDate.of(2026, 11, 1), "A-1", " ", "堂食", "completed", 1,
                new BigDecimal("1.00"));

        assertThat(LineProblem.of(STORE, line)).isEqualTo("missing product name");
    }

    private static OrderLine line(String status, int quantity, String amount) {
        return new OrderLine(1, LocalDate.of(2026, 11, 1), "A-1", "牛肉面", "堂食", status, quantity,
                new BigDecimal(amount));
    }
}
