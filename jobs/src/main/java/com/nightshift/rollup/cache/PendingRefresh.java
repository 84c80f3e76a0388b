package com.nightshift.rollup.cache;

import java.util.List;

/**
 * The notes that a transaction committing rollup rows wrote for their partitions ({@link RollupCache#noteRefresh}),
 * to be handed to {@link RollupCache#refreshPartitions} once it has committed, which removes them.
 */
public final class PendingRefresh {

    private final List<Long> noteIds;

    PendingRefresh(List<Long> noteIds) {
        this.noteIds = List.copyOf(noteIds);
    }

    List<Long> noteIds() {
        return noteIds;
    }
}
