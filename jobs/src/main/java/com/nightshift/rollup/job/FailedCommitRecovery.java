package com.nightshift.rollup.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Makes a run whose partition worker failed to commit restartable. Spring Batch leaves such a worker, its
 * partitions step and the run UNKNOWN, because it cannot tell whether the commit happened, and then refuses to
 * restart them. For the rollup the database can tell: a worker's rows and its progress commit in one
 * transaction, so the progress recorded there is exactly what committed, and a restart from it redoes the rest
 * and nothing else. The run is therefore recorded as FAILED, from what the database holds.
 *
 * <p>Registered before {@link RollupJobSummary}, so that its {@code afterJob} runs after the summary's (Spring
 * Batch calls them in reverse), which still sees and reports the failed commits.
 */
@Component
class FailedCommitRecovery implements JobExecutionListener {

    private final JobRepository repository;

    FailedCommitRecovery(JobRepository repository) {
        this.repository = repository;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.UNKNOWN) {
            return;
        }
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.UNKNOWN) {
                // the copy in memory is ahead of the database by the commit that failed; the database's is the truth
                StepExecution recorded = repository.getStepExecution(execution.getId(), step.getId());
                recorded.setStatus(BatchStatus.FAILED);
                recorded.setExitStatus(failed(step.getExitStatus()));
                if (recorded.getEndTime() == null) {
                    recorded.setEndTime(step.getEndTime());
                }
                repository.update(recorded);
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(recorded.getExitStatus());
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(failed(execution.getExitStatus()));
    }

    private static ExitStatus failed(ExitStatus unknown) {
        return new ExitStatus(ExitStatus.FAILED.getExitCode(), unknown.getExitDescription());
    }
}
