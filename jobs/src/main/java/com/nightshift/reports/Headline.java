package com.nightshift.reports;

import java.math.BigDecimal;

/**
 * A report's totals for its subject and period, kept with each archived report so that a correction can say
 * what changed ("net 12,345.00 → 12,400.00").
 */
public record Headline(long orders, long lines, long quantity, BigDecimal gross, BigDecimal refunds,
                       BigDecimal net) {
}
