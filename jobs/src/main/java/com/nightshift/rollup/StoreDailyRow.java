package com.nightshift.rollup;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of {@code rollup_store_daily}: one store's day. */
public record StoreDailyRow(LocalDate businessDate, String store, int orders, int lines, long quantity,
        BigDecimal grossAmount, BigDecimal refundAmount, BigDecimal netAmount) implements RollupRow {
}
