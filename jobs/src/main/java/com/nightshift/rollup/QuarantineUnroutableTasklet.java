package com.nightshift.rollup;

import java.time.OffsetDateTime;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lines without a store or a business date belong to no partition. This step quarantines them, so they are
 * counted and reported rather than silently left out, and releases entries whose line was fixed or deleted.
 */
@Component
class QuarantineUnroutableTasklet implements Tasklet {

    private static final String RELEASE = """
            DELETE FROM rollup_quarantine q
            WHERE (q.store_name IS NULL OR q.business_date IS NULL)
              AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = q.order_line_id
                              AND (o.store_name IS NULL OR o.order_date IS NULL))
            """;

    private static final String QUARANTINE = """
            INSERT INTO rollup_quarantine (order_line_id, store_name, business_date, reason, job_execution_id)
            SELECT id, store_name, order_date,
                   CASE WHEN store_name IS NULL THEN 'missing store name' ELSE 'missing business date' END, ?
            FROM orders
            WHERE (store_name IS NULL OR order_date IS NULL) AND updated_at >= ? AND updated_at < ?
            ON CONFLICT (order_line_id) DO UPDATE
                SET store_name = EXCLUDED.store_name, business_date = EXCLUDED.business_date,
                    reason = EXCLUDED.reason, job_execution_id = EXCLUDED.job_execution_id, quarantined_at = now()
            """;

    private static final OffsetDateTime BEGINNING = OffsetDateTime.parse("1970-01-01T00:00Z");
    private static final OffsetDateTime END = OffsetDateTime.parse("9999-01-01T00:00Z");

    private final JdbcTemplate jdbc;

    QuarantineUnroutableTasklet(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var stepExecution = contribution.getStepExecution();
        RollupPlanContext plan = RollupPlanContext.of(stepExecution);
        // a full run looks at every such line: without a date, none can be placed in or out of its range
        OffsetDateTime changedFrom = plan.mode() == RollupMode.FULL || plan.changedFrom() == null
                ? BEGINNING : plan.changedFrom();
        OffsetDateTime changedBefore = plan.mode() == RollupMode.FULL ? END : plan.changedBefore();
        jdbc.update(RELEASE);
        int quarantined = jdbc.update(QUARANTINE, stepExecution.getJobExecutionId(), changedFrom, changedBefore);
        contribution.incrementFilterCount(quarantined);
        return RepeatStatus.FINISHED;
    }
}
