package com.nightshift.rollup.job;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import com.nightshift.rollup.sql.Watermark;

/**
 * First step of a rollup run: fixes what the run covers. A full run covers its date range; an incremental
 * run covers the transactions that finished between the last watermark's snapshot and this moment's.
 */
@Component
class PlanRollupTasklet implements Tasklet {

    private final Watermark watermark;
    private final RollupParametersValidator parameters;

    PlanRollupTasklet(Watermark watermark, RollupParametersValidator parameters) {
        this.watermark = watermark;
        this.parameters = parameters;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var stepExecution = contribution.getStepExecution();
        RollupRequest request = parameters.read(stepExecution.getJobParameters());
        RollupPlanContext plan = request.mode() == RollupMode.FULL
                ? RollupPlanContext.full(request.from(), request.to())
                : RollupPlanContext.incremental(watermark.current().orElse(null), watermark.now());
        plan.writeTo(stepExecution.getJobExecution().getExecutionContext());
        return RepeatStatus.FINISHED;
    }
}
