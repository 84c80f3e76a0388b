package com.nightshift.rollup;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * First step of a rollup run: fixes what the run covers. A full run covers its date range; an incremental
 * run covers the lines changed between the last watermark and a new, safe one.
 */
@Component
class PlanRollupTasklet implements Tasklet {

    private final Watermark watermark;
    private final RollupProperties properties;
    private final Clock clock;

    PlanRollupTasklet(Watermark watermark, RollupProperties properties, Clock clock) {
        this.watermark = watermark;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var stepExecution = contribution.getStepExecution();
        LocalDate yesterday = LocalDate.now(clock.withZone(properties.zone())).minusDays(1);
        RollupRequest request = RollupRequest.of(stepExecution.getJobParameters(), yesterday,
                properties.maxRangeDays());
        RollupPlanContext plan = request.mode() == RollupMode.FULL
                ? RollupPlanContext.full(request.from(), request.to())
                : RollupPlanContext.incremental(watermark.current().orElse(null),
                        watermark.safeNext(properties.watermarkMargin()));
        plan.writeTo(stepExecution.getJobExecution().getExecutionContext());
        return RepeatStatus.FINISHED;
    }
}
