package com.nightshift.health.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A check's states over time as a band of colours: each result holds the strip from halfway after the result before
 * it to halfway before the next, so a change of state shows where it happened on the charts' time axis.
 */
record StateStrip(List<Band> bands) {

    static final double HEIGHT = 14;

    /** One result's stretch, in SVG units; {@code title} is its tooltip. */
    record Band(String x, String width, String state, String title) {
    }

    /** A result's place on the strip: when it was found, its state, and its tooltip. */
    record Mark(Instant at, String state, String title) {
    }

    /** @param oldestFirst the results, oldest first */
    static StateStrip of(List<Mark> oldestFirst, TimeAxis axis) {
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            Mark mark = oldestFirst.get(i);
            double at = axis.x(mark.at());
            double start = i == 0 ? TimeAxis.LEFT : (axis.x(oldestFirst.get(i - 1).at()) + at) / 2;
            double end = i == oldestFirst.size() - 1 ? TimeAxis.RIGHT : (at + axis.x(oldestFirst.get(i + 1).at())) / 2;
            // at least a sliver, so that a result among many close ones still shows its colour
            bands.add(new Band(TimeAxis.number(start), TimeAxis.number(Math.max(1, end - start)), mark.state(),
                    mark.title()));
        }
        return new StateStrip(bands);
    }
}
