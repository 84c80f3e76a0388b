package com.nightshift.rollup.job;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import com.nightshift.rollup.cache.RollupCache;
import com.nightshift.rollup.cache.WarmUpResult;

/**
 * Last step of every rollup run: makes sure what the next morning's reports and dashboards read (every
 * store's hot window, all three grains) is in Redis, and repairs partitions whose refresh failed. A cache
 * outage is reported in the run's message, never a reason to fail a run whose tables are right.
 */
@Component
class WarmUpCacheTasklet implements Tasklet {

    static final String WARM_UP = "rollup.cacheWarmUp";

    private final RollupCache cache;

    WarmUpCacheTasklet(RollupCache cache) {
        this.cache = cache;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        WarmUpResult result = cache.warmUp();
        contribution.incrementWriteCount(result.written());
        String summary = result.succeeded()
                ? String.format("cache warm: %,d hot keys checked, %,d written, %,d partitions repaired",
                        result.checked(), result.written(), result.repaired())
                : String.format("cache NOT warm (%s): %,d partitions wait for the next warm-up",
                        result.failure().orElse("unknown"), result.failed());
        contribution.getStepExecution().getJobExecution().getExecutionContext().putString(WARM_UP, summary);
        return RepeatStatus.FINISHED;
    }
}
