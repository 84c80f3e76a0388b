package com.nightshift.reports.job;

import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first step: checks that every store-day the run's reports are filled from is completely rolled up, having
 * the rollup catch up if need be (see {@link CompletenessGate}). Loading the recipients file here also fails a
 * run with a bad file before anything is rendered.
 */
@Component
class CompletenessTasklet implements Tasklet {

    static final String ROLLUPS_WAITED_FOR = "report.rollupsWaitedFor";

    private final ReportRun run;
    private final CompletenessGate gate;
    private final TransactionTemplate outsideTransaction;

    CompletenessTasklet(ReportRun run, CompletenessGate gate, PlatformTransactionManager transactions) {
        this.run = run;
        this.gate = gate;
        this.outsideTransaction = new TransactionTemplate(transactions);
        // the wait may be long: no connection held idle in the step's transaction meanwhile
        outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        List<PlannedReport> reports = run.plan(job).reports();
        Integer rollups = outsideTransaction.execute(status -> {
            try {
                return gate.requireComplete(reports);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StaleFiguresException("interrupted while waiting for the rollup");
            }
        });
        job.getExecutionContext().putInt(ROLLUPS_WAITED_FOR, rollups == null ? 0 : rollups);
        contribution.incrementReadCount();
        return RepeatStatus.FINISHED;
    }
}
