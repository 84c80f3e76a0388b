package com.nightshift.rollup.compute;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.nightshift.rollup.CommittedRows;
import com.nightshift.rollup.RollupGrain;
import com.nightshift.rollup.RollupRow;
import com.nightshift.rollup.StoreChannelDailyRow;
import com.nightshift.rollup.StoreDailyRow;
import com.nightshift.rollup.StoreProductDailyRow;

/**
 * Rollup rows of one store, per grain: those computed for a partition, which are handed to the cache once
 * committed, or those its tables held before. The cache converts only the dates it asks for (its hot window),
 * so a full run does not pay for rows it will never cache.
 */
public record PartitionRows(String store, List<PartitionRow> storeDays, List<PartitionRow> productDays,
                     List<PartitionRow> channelDays) implements CommittedRows {

    public static PartitionRows of(PartitionTotals totals) {
        return new PartitionRows(totals.store(), totals.storeDays(), totals.productDays(), totals.channelDays());
    }

    public List<PartitionRow> of(RollupGrain grain) {
        return switch (grain) {
            case STORE_DAILY -> storeDays;
            case STORE_PRODUCT_DAILY -> productDays;
            case STORE_CHANNEL_DAILY -> channelDays;
        };
    }

    public long size() {
        return (long) storeDays.size() + productDays.size() + channelDays.size();
    }

    @Override
    public List<RollupRow> between(RollupGrain grain, LocalDate from, LocalDate to) {
        return of(grain).stream()
                .filter(row -> !row.day().isBefore(from) && !row.day().isAfter(to))
                .map(row -> asCached(grain, row))
                .toList();
    }

    private RollupRow asCached(RollupGrain grain, PartitionRow row) {
        int orders = Math.toIntExact(row.orders());
        BigDecimal gross = BigDecimal.valueOf(row.grossCents(), 2);
        BigDecimal refund = BigDecimal.valueOf(row.refundCents(), 2);
        BigDecimal net = BigDecimal.valueOf(row.netCents(), 2);
        return switch (grain) {
            case STORE_DAILY -> new StoreDailyRow(row.day(), store, orders, Math.toIntExact(row.lines()),
                    row.quantity(), gross, refund, net);
            case STORE_PRODUCT_DAILY -> new StoreProductDailyRow(row.day(), store, row.name(), orders,
                    row.quantity(), gross, refund, net);
            case STORE_CHANNEL_DAILY -> new StoreChannelDailyRow(row.day(), store, row.name(), orders,
                    row.quantity(), gross, refund, net);
        };
    }
}
