package com.nightshift.rollup.sql;

import com.nightshift.rollup.compute.PartitionRows;

/**
 * What recomputing one partition did: lines looked at, lines quarantined, the partition's rollup rows (which
 * the cache is refreshed from once they have committed) and how many of their keys it inserted, changed or
 * removed.
 */
public record PartitionResult(long lines, long quarantined, PartitionRows rows, long rowsChanged) {
}
