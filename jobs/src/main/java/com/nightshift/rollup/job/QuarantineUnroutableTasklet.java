package com.nightshift.rollup.job;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
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

    /**
     * Every such line: without a store or a date none can be placed in or out of a range or a change note, and
     * the partial index {@code idx_orders_unroutable} finds them without a scan. An incremental run counts only
     * the entries it adds or changes, not those it finds already in place.
     */
    private static final String QUARANTINE = """
            INSERT INTO rollup_quarantine (order_line_id, store_name, business_date, reason, job_execution_id)
            SELECT id, store_name, order_date,
                   CASE WHEN store_name IS NULL THEN 'missing store name' ELSE 'missing business date' END, ?
            FROM orders
            WHERE store_name IS NULL OR order_date IS NULL
            ON CONFLICT (order_line_id) DO UPDATE
                SET store_name = EXCLUDED.store_name, business_date = EXCLUDED.business_date,
                    reason = EXCLUDED.reason, job_execution_id = EXCLUDED.job_execution_id, quarantined_at = now()
                WHERE ? OR (rollup_quarantine.store_name, rollup_quarantine.business_date, rollup_quarantine.reason)
                           IS DISTINCT FROM (EXCLUDED.store_name, EXCLUDED.business_date, EXCLUDED.reason)
            """;

    private final JdbcTemplate jdbc;

    QuarantineUnroutableTasklet(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var stepExecution = contribution.getStepExecution();
        boolean full = RollupPlanContext.of(stepExecution).mode() == RollupMode.FULL;
        jdbc.update(RELEASE);
        int quarantined = jdbc.update(QUARANTINE, stepExecution.getJobExecutionId(), full);
        contribution.incrementFilterCount(quarantined);
        return RepeatStatus.FINISHED;
    }
}
