package com.nightshift.rollup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the rollup job splits and runs its work.
 *
 * @param threads         partitions rolled up at once; each holds one database connection while it runs
 * @param partitionDays   longest date range of one partition: smaller restarts less work after a failure,
 *                        larger spends less on per-partition bookkeeping
 * @param partitionsPerTransaction partitions a worker commits together: more spends less on bookkeeping, which
 *                        matters for the many one-day partitions of an incremental run; a failure redoes the
 *                        partitions of its uncommitted transaction only
 * @param maxRangeDays    longest range a full run accepts, against typing mistakes such as from=2016-...
 * @param pageSize        order lines read per keyset page: a page is held in memory, a larger page costs fewer
 *                        queries
 */
@ConfigurationProperties("nightshift.rollup")
public record RollupProperties(
        @DefaultValue("2") int threads,
        @DefaultValue("92") int partitionDays,
        @DefaultValue("8") int partitionsPerTransaction,
        @DefaultValue("1100") int maxRangeDays,
        @DefaultValue("10000") int pageSize) {

    public RollupProperties {
        if (threads < 1) {
            throw new IllegalArgumentException("nightshift.rollup.threads must be at least 1, was " + threads);
        }
        if (partitionsPerTransaction < 1) {
            throw new IllegalArgumentException("nightshift.rollup.partitions-per-transaction must be at least 1, was "
                    + partitionsPerTransaction);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("nightshift.rollup.page-size must be at least 1, was " + pageSize);
        }
        if (partitionDays < 1) {
            throw new IllegalArgumentException("nightshift.rollup.partition-days must be at least 1, was "
                    + partitionDays);
        }
    }
}
