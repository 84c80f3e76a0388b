package com.nightshift.rollup;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of {@code rollup_store_product_daily}: one product's day in one store. */
public record StoreProductDailyRow(LocalDate businessDate, String store, String product, int orders, long quantity,
        BigDecimal grossAmount, BigDecimal refundAmount, BigDecimal netAmount) implements RollupRow {
}
