package com.nightshift.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DurationChartTest {

    @Test
    void barsRunFromTheOldestOnTheLeftScaledToTheLongestAndColouredByOutcome() {
        DurationChart chart = DurationChart.of("rollup", List.of(run(3, "FAILED", 60_000L), run(2, "STOPPED", 30_000L),
                run(1, "COMPLETED", 120_000L)), "2 min");

        assertThat(chart.bars()).extracting(DurationChart.Bar::id).containsExactly(1L, 2L, 3L);
        assertThat(chart.bars()).extracting(DurationChart.Bar::css)
                .containsExactly("bar-COMPLETED", "bar-other", "bar-FAILED");
        assertThat(chart.bars()).extracting(DurationChart.Bar::height).containsExactly("100.0", "25.0", "50.0");
        assertThat(chart.bars()).extracting(DurationChart.Bar::x).containsExactly("0.0", "200.0", "400.0");
    }

    @Test
    void anInstantRunStillHasABarAndOneThatNeverStartedHasNone() {
        DurationChart chart = DurationChart.of("rollup", List.of(run(2, "STARTING", null), run(1, "COMPLETED", 0L)),
                "");

        assertThat(chart.bars()).singleElement().satisfies(bar -> assertThat(bar.height()).isEqualTo("1.0"));
    }

    private static ExecutionRow run(long id, String status, Long millis) {
        return new ExecutionRow(id, "rollup", status, status, "", "", millis, "", false, null, "", "");
    }
}
