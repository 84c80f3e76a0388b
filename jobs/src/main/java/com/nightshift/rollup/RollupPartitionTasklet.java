package com.nightshift.rollup;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Rolls up one partition in the step's transaction, which also records the step's progress: the partition's
 * rows and the fact that it is done commit together, so a restart redoes exactly the partitions that did not.
 */
@Component
class RollupPartitionTasklet implements Tasklet {

    private final PartitionRollup rollup;

    RollupPartitionTasklet(PartitionRollup rollup) {
        this.rollup = rollup;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = contribution.getStepExecution();
        RollupPartition partition = RollupPartition.fromContext(step.getExecutionContext());
        PartitionResult result = rollup.recompute(partition, step.getJobExecutionId());
        step.setReadCount(step.getReadCount() + result.lines());
        contribution.incrementFilterCount(result.quarantined());
        contribution.incrementWriteCount(result.rowsWritten());
        return RepeatStatus.FINISHED;
    }
}
