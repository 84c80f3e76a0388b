package com.nightshift.reports.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.nightshift.delivery.Deliveries;
import com.nightshift.delivery.DeliveryCounts;

/**
 * The last step: plans the run's letters in the delivery ledger, then has the ledger send every letter of the
 * run's keys that is due. Fails when there was something to deliver and nothing could be.
 *
 * <p>Outside the step's transaction: the ledger records each letter before sending it and each answer right
 * after, in commits of its own, which a surrounding transaction would hold back until the step ends.
 */
@Component
class DeliverReportsTasklet implements Tasklet {

    static final String DELIVERED = "report.delivered";
    static final String FAILED = "report.failed";
    static final String SKIPPED = "report.alreadyDelivered";
    static final String UNCERTAIN = "report.uncertain";
    static final String ELSEWHERE = "report.inFlightElsewhere";
    static final String PLANNED = "report.lettersPlanned";
    static final String CORRECTIONS = "report.corrections";

    private final ReportRun run;
    private final LetterPlanner planner;
    private final Deliveries deliveries;
    private final TransactionTemplate outsideTransaction;

    DeliverReportsTasklet(ReportRun run, LetterPlanner planner, Deliveries deliveries,
                          PlatformTransactionManager transactions) {
        this.run = run;
        this.planner = planner;
        this.deliveries = deliveries;
        this.outsideTransaction = new TransactionTemplate(transactions);
        outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        ReportRun.Plan plan = run.plan(job);
        DeliveryCounts counts = outsideTransaction.execute(status -> {
            LetterPlanner.Planned letters = planner.plan(plan);
            deliveries.plan(letters.letters());
            ExecutionContext context = job.getExecutionContext();
            context.putInt(PLANNED, context.getInt(PLANNED, 0) + letters.letters().size());
            context.putInt(CORRECTIONS, context.getInt(CORRECTIONS, 0) + letters.corrections());
            return deliveries.send(letters.keys(), job.getId());
        });
        ExecutionContext context = job.getExecutionContext();
        context.putInt(DELIVERED, counts.delivered());
        context.putInt(FAILED, counts.failed());
        context.putInt(SKIPPED, counts.alreadyDelivered());
        context.putInt(UNCERTAIN, counts.uncertain());
        context.putInt(ELSEWHERE, counts.inFlightElsewhere());
        contribution.incrementWriteCount(counts.delivered());
        // letters found UNCERTAIN from an earlier run are reported, but only this run's own sending can fail it
        if (counts.delivered() == 0 && counts.alreadyDelivered() == 0 && counts.failed() + counts.uncertain() > 0) {
            throw new NothingDeliveredException(counts.failed() + " letters failed and " + counts.uncertain()
                    + " are uncertain, none was delivered: see GET /api/reports/deliveries?state=FAILED");
        }
        return RepeatStatus.FINISHED;
    }

    /** There was mail to send and none of it went. */
    static class NothingDeliveredException extends RuntimeException {

        NothingDeliveredException(String message) {
            super(message);
        }
    }
}
