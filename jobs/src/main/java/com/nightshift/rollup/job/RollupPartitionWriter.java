package com.nightshift.rollup.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.annotation.BeforeStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.nightshift.rollup.RollupPartition;
import com.nightshift.rollup.cache.PendingRefresh;
import com.nightshift.rollup.cache.RollupCache;
import com.nightshift.rollup.compute.PartitionRows;
import com.nightshift.rollup.sql.PartitionResult;
import com.nightshift.rollup.sql.PartitionRollup;

/**
 * Rolls up the chunk's partitions in its transaction, which also records the worker's progress: partitions'
 * rows and the fact that they are done commit together, so a restart redoes exactly the partitions that did not.
 * The same transaction notes that their Redis keys must be replaced; once it has committed, they are, in one
 * step, and the note is removed. Redis being down, or the process dying in between, does not fail them: the
 * tables are the truth and a warm-up (this run's last step, or the next run's) redoes what the notes list.
 */
class RollupPartitionWriter implements ItemWriter<RollupPartition> {

    private static final Logger log = LoggerFactory.getLogger(RollupPartitionWriter.class);

    static final String LINES = "rollup.lines";
    static final String ROWS = "rollup.rows";
    static final String ROWS_CHANGED = "rollup.rowsChanged";
    static final String QUARANTINED = "rollup.quarantined";
    static final String CACHE_REFRESH_FAILURES = "rollup.cacheRefreshFailures";

    private final PartitionRollup rollup;
    private final RollupCache cache;
    private final RolledUpLines rolledUp;
    private StepExecution stepExecution;

    RollupPartitionWriter(PartitionRollup rollup, RollupCache cache, RolledUpLines rolledUp) {
        this.rollup = rollup;
        this.cache = cache;
        this.rolledUp = rolledUp;
    }

    @BeforeStep
    void remember(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
    }

    @Override
    public void write(Chunk<? extends RollupPartition> partitions) {
        ExecutionContext context = stepExecution.getExecutionContext();
        List<RollupPartition> chunk = List.copyOf(partitions.getItems());
        List<PartitionResult> results = rollup.recompute(chunk, stepExecution.getJobExecutionId());
        Map<RollupPartition, PartitionRows> committed = new LinkedHashMap<>();
        long lines = 0;
        for (int i = 0; i < chunk.size(); i++) {
            PartitionResult result = results.get(i);
            add(context, LINES, result.lines());
            lines += result.lines();
            add(context, ROWS, result.rows().size());
            add(context, ROWS_CHANGED, result.rowsChanged());
            add(context, QUARANTINED, result.quarantined());
            committed.put(chunk.get(i), result.rows());
        }
        PendingRefresh pending = cache.noteRefresh(chunk);
        long linesOfChunk = lines;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                rolledUp.committed(linesOfChunk);
                add(context, CACHE_REFRESH_FAILURES, failedRefreshes(pending, committed));
            }
        });
    }

    /** The partitions have committed: nothing that goes wrong with their cache may fail them now. */
    private long failedRefreshes(PendingRefresh pending, Map<RollupPartition, PartitionRows> committed) {
        try {
            return cache.refreshPartitions(pending, committed).stream().filter(refresh -> !refresh.succeeded())
                    .count();
        } catch (RuntimeException e) {
            log.warn("Cannot refresh the cached rollups of {}; the run's warm-up retries", committed.keySet(), e);
            return committed.size();
        }
    }

    private static void add(ExecutionContext context, String key, long amount) {
        context.putLong(key, context.getLong(key, 0) + amount);
    }
}
