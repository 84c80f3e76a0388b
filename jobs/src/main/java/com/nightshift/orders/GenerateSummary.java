package com.nightshift.orders;

import java.math.BigDecimal;
import java.time.Duration;

/** What a generate run added: its counts and the sum of the amounts, to check against the table. */
public record GenerateSummary(long lines, long orders, long completedLines, long refundedLines,
                              long cancelledLines, BigDecimal amount, Duration took) {

    public double linesPerSecond() {
        double seconds = Math.max(took.toMillis(), 1) / 1000.0;
        return lines / seconds;
    }
}
