package com.nightshift.rollup.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Writes what a rollup run did into its exit message, where operators see it (command line, API, console):
 * lines rolled up, rows and how many of them changed, partitions, and how many lines went to the quarantine.
 */
@Component
class RollupJobSummary implements JobExecutionListener {

    @Override
    public void afterJob(JobExecution execution) {
        long partitions = 0;
        long lines = 0;
        long rows = 0;
        long rowsChanged = 0;
        long quarantined = 0;
        long cacheRefreshFailures = 0;
        long uncertainWorkers = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            ExecutionContext context = step.getExecutionContext();
            if (step.getStepName().startsWith(RollupJobConfiguration.PARTITION_STEP + ":")
                    && step.getStatus() == BatchStatus.UNKNOWN) {
                // A commit that failed leaves Spring Batch unsure of the step, and its counts in memory include
                // the transaction that did not commit: none of them can be vouched for.
                uncertainWorkers++;
            } else if (step.getStepName().startsWith(RollupJobConfiguration.PARTITION_STEP + ":")) {
                partitions += context.getInt(PartitionAssignment.NEXT, 0);
                lines += context.getLong(RollupPartitionWriter.LINES, 0);
                rows += context.getLong(RollupPartitionWriter.ROWS, 0);
                rowsChanged += context.getLong(RollupPartitionWriter.ROWS_CHANGED, 0);
                quarantined += context.getLong(RollupPartitionWriter.QUARANTINED, 0);
                cacheRefreshFailures += context.getLong(RollupPartitionWriter.CACHE_REFRESH_FAILURES, 0);
            } else if (step.getStepName().equals(RollupJobConfiguration.QUARANTINE_STEP)) {
                quarantined += step.getFilterCount();
            }
        }
        String done = String.format("%,d partitions committed: %,d order lines rolled up into %,d rows "
                + "(%,d inserted, changed or removed); %,d lines quarantined%s", partitions, lines, rows, rowsChanged,
                quarantined,
                quarantined > 0 ? " (see table rollup_quarantine)" : "")
                + (uncertainWorkers > 0 ? String.format(", not counting the %,d workers that failed while "
                        + "committing", uncertainWorkers) : "");
        ExitStatus exit = execution.getExitStatus();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            String cache = execution.getExecutionContext().getString(WarmUpCacheTasklet.WARM_UP, "cache not warmed");
            if (cacheRefreshFailures > 0) {
                cache += String.format(" (%,d partitions could not refresh Redis as they committed)",
                        cacheRefreshFailures);
            }
            String watermark = execution.getExecutionContext().getString(AdvanceWatermarkTasklet.WATERMARK, null);
            execution.setExitStatus(exit.addExitDescription(done + "; " + cache
                    + (watermark == null ? "" : "; " + watermark)));
        } else {
            String cause = rootCause(execution);
            execution.setExitStatus(new ExitStatus(exit.getExitCode(), "stopped after " + done
                    + "; run it again with the same parameters to finish the rest. Cause: " + cause));
        }
    }

    /** The failure of the step that failed first, rather than the job's "a partition failed". */
    private static String rootCause(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .flatMap(step -> step.getFailureExceptions().stream())
                .filter(failure -> !(failure instanceof JobExecutionException))
                .findFirst()
                .or(() -> execution.getAllFailureExceptions().stream().findFirst())
                .map(NestedExceptionUtils::getMostSpecificCause)
                .map(failure -> failure.getClass().getSimpleName() + ": " + failure.getMessage())
                .orElse(execution.getExitStatus().getExitCode());
    }
}
