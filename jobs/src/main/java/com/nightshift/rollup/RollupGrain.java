package com.nightshift.rollup;

import java.util.Optional;

/**
 * The three rollups: per store and day, per store, day and product, per store, day and channel.
 * Each names its table, the segment dashboards ask for it by, and the column that refines the store-day.
 */
public enum RollupGrain {

    STORE_DAILY("store-daily", "rollup_store_daily", null),
    STORE_PRODUCT_DAILY("store-product-daily", "rollup_store_product_daily", "product_name"),
    STORE_CHANNEL_DAILY("store-channel-daily", "rollup_store_channel_daily", "channel");

    private final String path;
    private final String table;
    private final String detailColumn;

    RollupGrain(String path, String table, String detailColumn) {
        this.path = path;
        this.table = table;
        this.detailColumn = detailColumn;
    }

    /** The name used in the API and in cache keys, e.g. {@code store-product-daily}. */
    public String path() {
        return path;
    }

    public String table() {
        return table;
    }

    /** The column below store and day ({@code product_name}, {@code channel}); empty for the store-day grain. */
    public Optional<String> detailColumn() {
        return Optional.ofNullable(detailColumn);
    }

    public static Optional<RollupGrain> byPath(String path) {
        for (RollupGrain grain : values()) {
            if (grain.path.equals(path)) {
                return Optional.of(grain);
            }
        }
        return Optional.empty();
    }
}
