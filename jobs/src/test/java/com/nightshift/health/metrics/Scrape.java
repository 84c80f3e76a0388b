package com.nightshift.health.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One answer of {@code /actuator/prometheus}, read as a scraper reads it: a sample is found by its metric name
 * and some of its labels ({@code "check", "indexes.invalid"}), whatever its other labels.
 */
record Scrape(String text) {

    /** The value of the one sample of {@code name} with these labels; empty if there is none. */
    OptionalDouble value(String name, String... labels) {
        List<String> found = samples(name, labels);
        if (found.size() > 1) {
            throw new AssertionError("more than one sample of " + name + " " + Arrays.toString(labels) + ": "
                    + found);
        }
        return found.stream().mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    /** Every sample line of {@code name} with these labels. */
    List<String> samples(String name, String... labels) {
        return text.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> hasLabels(line, labels)).toList();
    }

    private static boolean hasLabels(String line, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            String label = labels[i] + "=\"" + labels[i + 1] + "\"";
            if (!line.contains("{" + label) && !line.contains("," + label)) {
                return false;
            }
        }
        return true;
    }
}
