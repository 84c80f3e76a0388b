package com.nightshift.rollup.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

class LinesAndRowsAggregatorTest {

    @Test
    void thePartitionsStepCountsTheWorkersLinesAndChangedRowsNotTheirPartitions() {
        StepExecution manager = MetaDataInstanceFactory.createStepExecution("rollupPartitionsStep", 1L);
        StepExecution first = worker("rollupPartitionStep:partition0", 2, 1_000, 700);
        StepExecution second = worker("rollupPartitionStep:partition1", 3, 500, 0);

        new LinesAndRowsAggregator().aggregate(manager, List.of(first, second));

        assertThat(manager.getReadCount()).isEqualTo(1_500);
        assertThat(manager.getWriteCount()).isEqualTo(700);
        assertThat(manager.getCommitCount()).isEqualTo(2);
    }

    private static StepExecution worker(String name, long partitions, long lines, long rowsChanged) {
        StepExecution worker = MetaDataInstanceFactory.createStepExecution(name, 2L);
        worker.setReadCount(partitions);
        worker.setWriteCount(partitions);
        worker.setCommitCount(1);
        worker.getExecutionContext().putLong(RollupPartitionWriter.LINES, lines);
        worker.getExecutionContext().putLong(RollupPartitionWriter.ROWS_CHANGED, rowsChanged);
        return worker;
    }
}
