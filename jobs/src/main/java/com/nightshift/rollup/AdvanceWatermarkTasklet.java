package com.nightshift.rollup;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** Last step of an incremental run: reached only when every partition committed, so the watermark may move. */
@Component
class AdvanceWatermarkTasklet implements Tasklet {

    private final Watermark watermark;

    AdvanceWatermarkTasklet(Watermark watermark) {
        this.watermark = watermark;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var stepExecution = contribution.getStepExecution();
        RollupPlanContext plan = RollupPlanContext.of(stepExecution);
        if (plan.mode() == RollupMode.INCREMENTAL) {
            watermark.advance(plan.changedBefore(), stepExecution.getJobExecutionId());
        }
        return RepeatStatus.FINISHED;
    }
}
