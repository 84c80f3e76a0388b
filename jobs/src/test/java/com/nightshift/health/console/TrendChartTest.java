package com.nightshift.health.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrendChartTest {

    private static final Instant START = Instant.parse("2026-12-01T18:00:00Z");
    private static final TimeAxis AXIS = new TimeAxis(START, START.plusSeconds(200));

    @Test
    void theOldestValueIsOnTheLeftAndTheNewestOnTheRight() {
        TrendChart chart = TrendChart.of("round_trip", "ms", List.of(sample(0, 10, null, null),
                sample(100, 20, null, null), sample(200, 30, null, null)), AXIS);

        assertThat(chart.dots()).extracting(TrendChart.Dot::x).containsExactly("56.0", "324.0", "592.0");
        assertThat(chart.line()).startsWith("56.0,").endsWith(chart.dots().get(2).x() + "," + chart.dots().get(2).y());
    }

    @Test
    void theScaleStartsAtZeroAndLeavesATenthAboveTheHighestThreshold() {
        TrendChart chart = TrendChart.of("round_trip", "ms", List.of(sample(0, 10, 50.0, 100.0)), AXIS);

        assertThat(chart.top()).isEqualTo("110 ms");
        assertThat(chart.bottom()).isEqualTo("0 ms");
        // 100 of 110 up the plot (8 to 132): 132 - 124 * 100 / 110
        assertThat(chart.critLine()).contains(",19.3");
    }

    @Test
    void aValueAtItsWarnThresholdStandsOnTheWarnLine() {
        TrendChart chart = TrendChart.of("pending", "connections", List.of(sample(0, 5, 5.0, 10.0),
                sample(200, 7, 5.0, 10.0)), AXIS);

        TrendChart.Dot first = chart.dots().get(0);
        assertThat(chart.warnLine()).contains(first.x() + "," + first.y());
    }

    @Test
    void thresholdLinesCrossTheWholePlotEvenForOneResult() {
        TrendChart chart = TrendChart.of("free", "MB", List.of(sample(100, 300, 500.0, 100.0)), AXIS);

        assertThat(chart.warnLine()).startsWith("56.0,").contains(" 592.0,");
        assertThat(chart.critLine()).startsWith("56.0,").contains(" 592.0,");
    }

    @Test
    void aThresholdChangedOnTheWayIsDrawnWhereItChanged() {
        TrendChart chart = TrendChart.of("free", "MB", List.of(sample(0, 300, 500.0, null),
                sample(200, 300, 250.0, null)), AXIS);

        // a scale of 0 to 550: 500 stands at 132 - 124 * 500 / 550, 250 at 132 - 124 * 250 / 550
        assertThat(chart.warnLine()).isEqualTo("56.0,19.3 56.0,19.3 592.0,75.6 592.0,75.6");
    }

    @Test
    void aValueWithoutThresholdsHasNoThresholdLines() {
        TrendChart chart = TrendChart.of("active", "connections", List.of(sample(0, 3, null, null)), AXIS);

        assertThat(chart.warnLine()).isEmpty();
        assertThat(chart.critLine()).isEmpty();
    }

    @Test
    void valuesThatAreAllZeroStillHaveAScaleAndStandAtItsBottom() {
        TrendChart chart = TrendChart.of("invalid_indexes", "indexes", List.of(sample(0, 0, null, null),
                sample(200, 0, null, null)), AXIS);

        assertThat(chart.top()).isEqualTo("1 indexes");
        assertThat(chart.dots()).extracting(TrendChart.Dot::y).containsOnly("132.0");
    }

    private static TrendChart.Sample sample(long seconds, double value, Double warnAt, Double critAt) {
        return new TrendChart.Sample(START.plusSeconds(seconds), value, warnAt, critAt, "OK", "at " + seconds);
    }
}
