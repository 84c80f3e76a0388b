package com.nightshift.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Date expressions resolved against the business date of a fire. */
class DateExpressionsTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void todayIsTheFiresBusinessDate() {
        assertThat(DateExpressions.resolve("${today}", MONDAY)).isEqualTo("2026-12-07");
    }

    @Test
    void yesterdayIsTheDayBefore() {
        assertThat(DateExpressions.resolve("${yesterday}", MONDAY)).isEqualTo("2026-12-06");
    }

    @Test
    void yesterdayOfNewYearsDayIsInTheYearBefore() {
        assertThat(DateExpressions.resolve("${yesterday}", LocalDate.of(2027, 1, 1))).isEqualTo("2026-12-31");
    }

    @Test
    void lastIsoWeekIsTheWeekBeforeTodays() {
        assertThat(DateExpressions.resolve("${lastIsoWeek}", MONDAY)).isEqualTo("2026-W49");
    }

    @Test
    void lastIsoWeekOnASundayIsTheWeekBeforeTheOneThatSundayEnds() {
        assertThat(DateExpressions.resolve("${lastIsoWeek}", LocalDate.of(2026, 12, 13))).isEqualTo("2026-W49");
    }

    @Test
    void lastIsoWeekOfTheFirstMondayOf2027Is2026sFiftyThirdWeek() {
        assertThat(DateExpressions.resolve("${lastIsoWeek}", LocalDate.of(2027, 1, 4))).isEqualTo("2026-W53");
    }

    @Test
    void lastIsoWeekOnNewYearsDayMayBeInTheWeekBasedYearBefore() {
        // 2026-01-01 is a Thursday of 2026-W01, whose week before is 2025-W52 (2025 has 52 ISO weeks)
        assertThat(DateExpressions.resolve("${lastIsoWeek}", LocalDate.of(2026, 1, 1))).isEqualTo("2025-W52");
        // 2027-01-03 is the Sunday ending 2026-W53
        assertThat(DateExpressions.resolve("${lastIsoWeek}", LocalDate.of(2027, 1, 3))).isEqualTo("2026-W52");
    }

    @Test
    void anExpressionIsReplacedWithinTheTextAroundIt() {
        assertThat(DateExpressions.resolve("from ${yesterday} to ${today}", MONDAY))
                .isEqualTo("from 2026-12-06 to 2026-12-07");
    }

    @Test
    void aValueWithoutExpressionsIsKeptAsItIs() {
        assertThat(DateExpressions.resolve("store-daily", MONDAY)).isEqualTo("store-daily");
    }

    @Test
    void everyValueOfAMapIsResolved() {
        assertThat(DateExpressions.resolve(Map.of("report", "chain-weekly", "week", "${lastIsoWeek}"), MONDAY))
                .isEqualTo(Map.of("report", "chain-weekly", "week", "2026-W49"));
    }

    @Test
    void anUnknownExpressionIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> DateExpressions.resolve("${tomorrow}", MONDAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown expression '${tomorrow}' (known: ${today}, ${yesterday}, ${lastIsoWeek})");
    }

    @Test
    void expressionNamesAreCaseSensitive() {
        assertThatThrownBy(() -> DateExpressions.resolve("${lastisoweek}", MONDAY))
                .hasMessageStartingWith("unknown expression '${lastisoweek}'");
    }

    @Test
    void anUnclosedExpressionIsRefused() {
        assertThatThrownBy(() -> DateExpressions.resolve("${yesterday", MONDAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unclosed expression in '${yesterday': write it as ${name}");
    }

    @Test
    void anExpressionLeftOpenBeforeAnotherIsUnclosedNotUnknown() {
        assertThatThrownBy(() -> DateExpressions.resolve("${yesterday ${today}", MONDAY))
                .hasMessage("unclosed expression in '${yesterday ${today}': write it as ${name}");
    }

    @Test
    void aValueIsDatedWhenItHoldsAnExpression() {
        assertThat(DateExpressions.isDated("${yesterday}")).isTrue();
        assertThat(DateExpressions.isDated("incremental")).isFalse();
    }

    @Test
    void theExpressionsAreNamedInOrder() {
        assertThat(DateExpressions.names()).containsExactly("today", "yesterday", "lastIsoWeek");
    }
}
