package com.nightshift.health.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class StateStripTest {

    private static final Instant START = Instant.parse("2026-12-01T18:00:00Z");

    @Test
    void eachResultHoldsTheStripFromHalfwayAfterThePreviousToHalfwayBeforeTheNext() {
        TimeAxis axis = new TimeAxis(START, START.plusSeconds(200));

        StateStrip strip = StateStrip.of(List.of(mark(0, "OK"), mark(100, "WARN"), mark(200, "CRIT")), axis);

        // the axis runs from 56 to 592: the results stand at 56, 324 and 592
        assertThat(strip.bands()).extracting(StateStrip.Band::x).containsExactly("56.0", "190.0", "458.0");
        assertThat(strip.bands()).extracting(StateStrip.Band::width).containsExactly("134.0", "268.0", "134.0");
        assertThat(strip.bands()).extracting(StateStrip.Band::state).containsExactly("OK", "WARN", "CRIT");
    }

    @Test
    void aSingleResultHoldsTheWholeStrip() {
        StateStrip strip = StateStrip.of(List.of(mark(0, "WARN")), new TimeAxis(START, START));

        assertThat(strip.bands()).singleElement().satisfies(band -> {
            assertThat(band.x()).isEqualTo("56.0");
            assertThat(band.width()).isEqualTo("536.0");
        });
    }

    private static StateStrip.Mark mark(long seconds, String state) {
        return new StateStrip.Mark(START.plusSeconds(seconds), state, state + " at " + seconds);
    }
}
