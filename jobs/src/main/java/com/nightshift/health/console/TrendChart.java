package com.nightshift.health.console;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One measured value of a check over time, drawn by the page as inline SVG (no script, and it prints): the values
 * as a line with a dot per result coloured by its state, and the warn and crit thresholds as dashed lines through
 * each result's own threshold, so that a threshold changed in the configuration shows where it changed. The scale
 * starts at zero (or below, for a negative value) so that a small rise does not look like a cliff.
 *
 * @param line     the values' polyline ({@code x,y x,y ...})
 * @param warnLine the warn threshold's polyline; empty when the value has none
 * @param critLine the crit threshold's polyline; empty when the value has none
 * @param top      the scale's top, in words
 * @param bottom   the scale's bottom, in words
 */
record TrendChart(String name, String unit, List<Dot> dots, String line, String warnLine, String critLine,
                  String top, String bottom) {

    static final double HEIGHT = 140;
    static final double PLOT_TOP = 8;
    static final double PLOT_BOTTOM = 132;

    /** One result's value where it was measured, with its thresholds, its state and its tooltip. */
    record Sample(Instant at, double value, Double warnAt, Double critAt, String state, String title) {
    }

    /** A result's dot, in the chart's coordinates. */
    record Dot(String x, String y, String state, String title) {
    }

    /** @param oldestFirst the samples of one measured value, oldest first */
    static TrendChart of(String name, String unit, List<Sample> oldestFirst, TimeAxis axis) {
        double low = Math.min(0, oldestFirst.stream().mapToDouble(Sample::value).min().orElse(0));
        double high = oldestFirst.stream().flatMap(sample -> Stream.of(sample.value(),
                sample.warnAt(), sample.critAt())).filter(value -> value != null).mapToDouble(Double::doubleValue)
                .max().orElse(0);
        // headroom above the highest line, and a scale at all when every value is zero
        double top = high <= low ? low + 1 : high + (high - low) * 0.1;
        Scale scale = new Scale(low, top);
        List<Dot> dots = oldestFirst.stream().map(sample -> new Dot(TimeAxis.number(axis.x(sample.at())),
                TimeAxis.number(scale.y(sample.value())), sample.state(), sample.title())).toList();
        return new TrendChart(name, unit, dots,
                dots.stream().map(dot -> dot.x() + "," + dot.y()).collect(Collectors.joining(" ")),
                threshold(oldestFirst, true, axis, scale), threshold(oldestFirst, false, axis, scale),
                HealthWords.amount(top, unit), HealthWords.amount(low, unit));
    }

    /**
     * Through each sample's threshold, drawn on from the plot's left edge to its right one at the first and last
     * threshold: a line across the whole chart reads as a limit, and a single result still shows it.
     */
    private static String threshold(List<Sample> samples, boolean warn, TimeAxis axis, Scale scale) {
        List<String> points = samples.stream().filter(sample -> (warn ? sample.warnAt() : sample.critAt()) != null)
                .map(sample -> TimeAxis.number(axis.x(sample.at())) + ","
                        + TimeAxis.number(scale.y(warn ? sample.warnAt() : sample.critAt()))).toList();
        if (points.isEmpty()) {
            return "";
        }
        String first = points.get(0);
        String last = points.get(points.size() - 1);
        return TimeAxis.number(TimeAxis.LEFT) + first.substring(first.indexOf(',')) + " " + String.join(" ", points)
                + " " + TimeAxis.number(TimeAxis.RIGHT) + last.substring(last.indexOf(','));
    }

    /** Values to heights: {@code low} at the plot's bottom, {@code high} at its top. */
    private record Scale(double low, double high) {

        double y(double value) {
            return PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * (value - low) / (high - low);
        }
    }
}
