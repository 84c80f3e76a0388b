package com.nightshift.rollup.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RollupRowsCopyTest {

    @Test
    void centsAreWrittenAsAnExactDecimal() {
        assertThat(cents(123_405)).isEqualTo("1234.05");
        assertThat(cents(7)).isEqualTo("0.07");
        assertThat(cents(0)).isEqualTo("0.00");
        assertThat(cents(-250)).isEqualTo("-2.50");
    }

    @Test
    void copySpecialCharactersInNamesAreEscaped() {
        assertThat(RollupRowsCopy.field("a\\b\tc\nd\re")).isEqualTo("a\\\\b\\tc\\nd\\re");
    }

    @Test
    void plainNamesAreWrittenAsTheyAre() {
        assertThat(RollupRowsCopy.field("珍珠奶茶 🧋")).isEqualTo("珍珠奶茶 🧋");
    }

    private static String cents(long cents) {
        return RollupRowsCopy.amount(cents);
    }
}
