package com.nightshift.health;

/**
 * One measured value of a check, beside the thresholds it was judged by, so that an alert and the history can say
 * "92 connections of 100, warn at 80%" without the reader knowing the configuration.
 *
 * @param name   what was measured, e.g. {@code connections_in_use}
 * @param value  the value measured
 * @param warnAt the value from which it is WARN; null when it has no such threshold
 * @param critAt the value from which it is CRIT; null when it has no such threshold
 * @param unit   the value's unit ({@code ms}, {@code %}, {@code connections}...)
 */
public record Measurement(String name, double value, Double warnAt, Double critAt, String unit) {
}
