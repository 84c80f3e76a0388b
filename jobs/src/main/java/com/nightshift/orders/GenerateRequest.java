package com.nightshift.orders;

import java.time.LocalDate;

/**
 * What to generate: {@code lines} order lines spread over {@code stores} stores and the {@code days}
 * business dates ending on {@code lastDate}. The same request always yields the same rows.
 */
public record GenerateRequest(long lines, int days, int stores, long seed, LocalDate lastDate) {

    public static final int MAX_STORES = 10_000;
    public static final int MAX_DAYS = 3_660;

    public GenerateRequest {
        if (lines < 1) {
            throw new IllegalArgumentException("--orders must be at least 1, was " + lines);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("--days must be between 1 and " + MAX_DAYS + ", was " + days);
        }
        if (stores < 1 || stores > MAX_STORES) {
            throw new IllegalArgumentException("--stores must be between 1 and " + MAX_STORES + ", was " + stores);
        }
    }

    public LocalDate firstDate() {
        return lastDate.minusDays(days - 1L);
    }
}
