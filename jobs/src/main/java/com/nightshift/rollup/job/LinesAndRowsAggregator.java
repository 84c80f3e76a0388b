package com.nightshift.rollup.job;

import java.util.Collection;

import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.step.StepExecution;

/**
 * Sums the workers into the partitions step as Spring Batch does, except that its read and write counts are the
 * order lines read and the rows inserted, changed or removed, as the workers recorded them: the workers' own
 * items are partitions, a count that tells an operator nothing about the work done.
 */
class LinesAndRowsAggregator implements StepExecutionAggregator {

    private final StepExecutionAggregator standard = new DefaultStepExecutionAggregator();

    @Override
    public void aggregate(StepExecution result, Collection<StepExecution> workers) {
        standard.aggregate(result, workers);
        long lines = 0;
        long rowsChanged = 0;
        for (StepExecution worker : workers) {
            lines += worker.getExecutionContext().getLong(RollupPartitionWriter.LINES, 0);
            rowsChanged += worker.getExecutionContext().getLong(RollupPartitionWriter.ROWS_CHANGED, 0);
        }
        result.setReadCount(lines);
        result.setWriteCount(rowsChanged);
    }
}
