package com.nightshift.rollup.cache;

import java.util.Optional;

import com.nightshift.rollup.RollupPartition;

/**
 * What a refresh of a partition's keys ({@link RollupCache#refreshPartitions}, {@link RollupCache#refreshPartition})
 * did in Redis.
 *
 * @param partition the store and dates refreshed
 * @param written   keys written: the partition's hot-window days times the three grains
 * @param deleted   keys deleted: the partition's days outside the hot window times the three grains
 * @param failure   why Redis could not be refreshed; the partition's note then waits in the outbox for the
 *                  next {@link RollupCache#warmUp()}, and {@code written} and {@code deleted} are 0
 */
public record CacheRefresh(RollupPartition partition, int written, int deleted, Optional<String> failure) {

    static CacheRefresh succeeded(RollupPartition partition, int written, int deleted) {
        return new CacheRefresh(partition, written, deleted, Optional.empty());
    }

    static CacheRefresh failed(RollupPartition partition, String failure) {
        return new CacheRefresh(partition, 0, 0, Optional.of(failure));
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
