package com.nightshift.health.console;

import java.time.Instant;
import java.util.Locale;

/**
 * The horizontal axis shared by a check's trend charts and its state strip, so that a point and the strip's band
 * of the same result stand one above the other: from the first result shown to the last, in SVG units from
 * {@link #LEFT} to {@link #RIGHT} (the charts keep the room left of it for the value scale).
 */
record TimeAxis(Instant first, Instant last) {

    static final double LEFT = 56;
    static final double RIGHT = 592;

    /** Where {@code time} stands; a single result (or several at one instant) stands in the middle. */
    double x(Instant time) {
        long span = last.toEpochMilli() - first.toEpochMilli();
        if (span <= 0) {
            return (LEFT + RIGHT) / 2;
        }
        return LEFT + (RIGHT - LEFT) * (time.toEpochMilli() - first.toEpochMilli()) / span;
    }

    /** A coordinate as SVG wants it, whatever the server's locale. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
