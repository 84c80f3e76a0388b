package com.nightshift.rollup;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of {@code rollup_store_channel_daily}: one sales channel's day in one store. */
public record StoreChannelDailyRow(LocalDate businessDate, String store, String channel, int orders, long quantity,
        BigDecimal grossAmount, BigDecimal refundAmount, BigDecimal netAmount) implements RollupRow {
}
