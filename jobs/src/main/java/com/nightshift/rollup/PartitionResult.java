package com.nightshift.rollup;

/**
 * What recomputing one partition did: lines looked at, lines quarantined, and the rollup rows it wrote, which
 * the cache is refreshed from once they have committed.
 */
record PartitionResult(long lines, long quarantined, PartitionRows rows) {

    long rowsWritten() {
        return (long) rows.storeDays().size() + rows.productDays().size() + rows.channelDays().size();
    }
}
