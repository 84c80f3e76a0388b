package com.nightshift.rollup.job;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import com.nightshift.rollup.sql.Watermark;
import com.nightshift.rollup.sql.Watermark.Position;

/**
 * Last step of an incremental run: reached only when every partition committed, so the watermark may move.
 * Says where it stands in the job's message ({@link #WATERMARK} in the job's execution context).
 */
@Component
class AdvanceWatermarkTasklet implements Tasklet {

    static final String WATERMARK = "rollup.watermark";

    private final Watermark watermark;

    AdvanceWatermarkTasklet(Watermark watermark) {
        this.watermark = watermark;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var stepExecution = contribution.getStepExecution();
        RollupPlanContext plan = RollupPlanContext.of(stepExecution);
        if (plan.mode() == RollupMode.INCREMENTAL) {
            boolean moved = watermark.advance(plan.until(), stepExecution.getJobExecutionId());
            Position current = moved ? plan.until() : watermark.current().orElseThrow();
            stepExecution.getJobExecution().getExecutionContext().putString(WATERMARK,
                    describe(current, watermark.lagSeconds(), moved));
        }
        return RepeatStatus.FINISHED;
    }

    /** E.g. "watermark: changes committed by 2026-11-29T18:30:01.120Z (0.8 s ago) rolled up; 2 transactions ...". */
    private static String describe(Position current, double lagSeconds, boolean moved) {
        String open = current.oldestOpenTransaction()
                .map(oldest -> current.openTransactions() == 1
                        ? String.format("; 1 transaction open then (id %s) is left to the next run", oldest)
                        : String.format("; %,d transactions open then (the oldest: id %s) are left to the next run",
                                current.openTransactions(), oldest))
                .orElse("");
        return String.format("watermark: changes committed by %s (%.1f s ago) rolled up%s%s", current.plannedAt(),
                lagSeconds, moved ? "" : " (by a later run: this run's older plan did not move it)", open);
    }
}
