package com.nightshift.rollup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.annotation.BeforeStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.nightshift.rollup.cache.RollupCache;

/**
 * Rolls up each partition in the chunk's transaction, which also records the worker's progress: a partition's
 * rows and the fact that it is done commit together, so a restart redoes exactly the partitions that did not.
 * Once the transaction has committed, the partition's Redis keys are replaced; Redis being down does not fail
 * the partition, since the tables are the truth and the run's warm-up step repairs the cache.
 */
class RollupPartitionWriter implements ItemWriter<RollupPartition> {

    private static final Logger log = LoggerFactory.getLogger(RollupPartitionWriter.class);

    static final String LINES = "rollup.lines";
    static final String ROWS = "rollup.rows";
    static final String QUARANTINED = "rollup.quarantined";
    static final String CACHE_REFRESH_FAILURES = "rollup.cacheRefreshFailures";

    private final PartitionRollup rollup;
    private final RollupCache cache;
    private StepExecution stepExecution;

    RollupPartitionWriter(PartitionRollup rollup, RollupCache cache) {
        this.rollup = rollup;
        this.cache = cache;
    }

    @BeforeStep
    void remember(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
    }

    @Override
    public void write(Chunk<? extends RollupPartition> partitions) {
        ExecutionContext context = stepExecution.getExecutionContext();
        for (RollupPartition partition : partitions) {
            PartitionResult result = rollup.recompute(partition, stepExecution.getJobExecutionId());
            add(context, LINES, result.lines());
            add(context, ROWS, result.rowsWritten());
            add(context, QUARANTINED, result.quarantined());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    if (!refreshed(partition)) {
                        add(context, CACHE_REFRESH_FAILURES, 1);
                    }
                }
            });
        }
    }

    /** The partition has committed: nothing that goes wrong with its cache may fail it now. */
    private boolean refreshed(RollupPartition partition) {
        try {
            return cache.refreshPartition(partition.store(), partition.from(), partition.to()).succeeded();
        } catch (RuntimeException e) {
            log.warn("Cannot refresh the cached rollups of {}; the run's warm-up retries", partition, e);
            return false;
        }
    }

    private static void add(ExecutionContext context, String key, long amount) {
        context.putLong(key, context.getLong(key, 0) + amount);
    }
}
