package com.nightshift.rollup;

/** What recomputing one partition did: lines looked at, lines quarantined, rollup rows written per grain. */
public record PartitionResult(long lines, long quarantined, long storeDays, long storeProductDays,
                              long storeChannelDays) {

    public long rowsWritten() {
        return storeDays + storeProductDays + storeChannelDays;
    }
}
