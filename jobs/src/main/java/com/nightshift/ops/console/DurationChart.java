package com.nightshift.ops.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A job's last runs as bars of their durations, oldest on the left, coloured by outcome, drawn by the page as
 * inline SVG: no script, nothing to build, and it prints.
 *
 * @param longest the longest duration shown, in words: the scale's top
 */
record DurationChart(String job, List<Bar> bars, String longest) {

    static final int WIDTH = 600;
    static final int HEIGHT = 100;
    private static final double GAP = 2;

    /** One run's bar, in the chart's coordinates (written as SVG wants them); {@code title} is its tooltip. */
    record Bar(long id, String x, String y, String width, String height, String css, String title) {
    }

    /** @param newestFirst rows as the history lists them; those that never started have no bar */
    static DurationChart of(String job, List<ExecutionRow> newestFirst, String longest) {
        List<ExecutionRow> runs = new ArrayList<>(newestFirst.stream()
                .filter(row -> row.durationMillis() != null).toList());
        Collections.reverse(runs);
        long max = runs.stream().mapToLong(ExecutionRow::durationMillis).max().orElse(0);
        double slot = runs.isEmpty() ? WIDTH : (double) WIDTH / runs.size();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ExecutionRow run = runs.get(i);
            // a bar of at least one unit, so that an instant run still shows it happened
            double height = Math.max(1, max == 0 ? 0 : HEIGHT * run.durationMillis() / (double) max);
            bars.add(new Bar(run.id(), number(i * slot), number(HEIGHT - height), number(Math.max(1, slot - GAP)),
                    number(height), css(run.status()),
                    "#" + run.id() + " · " + run.statusLabel() + " · " + run.duration() + " · " + run.started()));
        }
        return new DurationChart(job, bars, longest);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String css(String status) {
        return status.equals("COMPLETED") || status.equals("FAILED") ? "bar-" + status : "bar-other";
    }
}
