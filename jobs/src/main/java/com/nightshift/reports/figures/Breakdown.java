package com.nightshift.reports.figures;

import java.math.BigDecimal;

/**
 * One channel's or one product's figures over a report's stores and dates.
 *
 * @param name a channel or a product
 */
public record Breakdown(String name, long orders, long quantity, BigDecimal gross, BigDecimal refunds,
                        BigDecimal net) {
}
