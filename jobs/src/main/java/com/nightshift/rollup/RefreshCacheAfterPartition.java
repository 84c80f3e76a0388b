package com.nightshift.rollup;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import com.nightshift.rollup.cache.CacheRefresh;
import com.nightshift.rollup.cache.RollupCache;

/**
 * Once a partition has committed, replaces its cached rollups in Redis, so that dashboards never read a
 * partition older than the tables for longer than the commit takes. Redis being down does not fail the
 * partition: the tables are the truth, and the run's warm-up step repairs the cache.
 */
@Component
class RefreshCacheAfterPartition implements StepExecutionListener {

    static final String REFRESH_FAILED = "rollup.cacheRefreshFailed";

    private final RollupCache cache;

    RefreshCacheAfterPartition(RollupCache cache) {
        this.cache = cache;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
            RollupPartition partition = RollupPartition.fromContext(stepExecution.getExecutionContext());
            CacheRefresh refresh = cache.refreshPartition(partition.store(), partition.from(), partition.to());
            stepExecution.getExecutionContext().put(REFRESH_FAILED, !refresh.succeeded());
        }
        return stepExecution.getExitStatus();
    }
}
