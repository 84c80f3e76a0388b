package com.nightshift.rollup.cache;

import java.util.Map;

import com.nightshift.rollup.RollupPartition;

/**
 * The notes that a transaction committing rollup rows wrote for their partitions ({@link RollupCache#noteRefresh}),
 * to be handed to {@link RollupCache#refreshPartitions} once it has committed, which removes them.
 */
public final class PendingRefresh {

    private final Map<RollupPartition, Long> noteIds;

    PendingRefresh(Map<RollupPartition, Long> noteIds) {
        this.noteIds = Map.copyOf(noteIds);
    }

    /** The note of {@code partition}, whose id is also the version of the rows committed with it. */
    long noteOf(RollupPartition partition) {
        Long id = noteIds.get(partition);
        if (id == null) {
            throw new IllegalArgumentException(partition + " was not noted for a refresh in its transaction");
        }
        return id;
    }
}
