package com.nightshift.reports.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Writes what a report run did into its exit message, where operators see it (command line, API, console): the
 * reports rendered (new versions, unchanged), the letters delivered, failed, skipped as delivered before, and
 * uncertain; or why it stopped.
 */
@Component
class ReportJobSummary implements JobExecutionListener {

    @Override
    public void afterJob(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        String rendered = String.format("%,d reports rendered (%,d new versions, %,d unchanged)",
                context.getInt(RenderReportsTasklet.NEW_VERSIONS, 0) + context.getInt(RenderReportsTasklet.UNCHANGED, 0),
                context.getInt(RenderReportsTasklet.NEW_VERSIONS, 0), context.getInt(RenderReportsTasklet.UNCHANGED, 0));
        String letters = context.containsKey(DeliverReportsTasklet.DELIVERED) ? String.format(
                "letters: %,d delivered, %,d failed, %,d skipped (delivered before), %,d uncertain%s%s",
                context.getInt(DeliverReportsTasklet.DELIVERED), context.getInt(DeliverReportsTasklet.FAILED),
                context.getInt(DeliverReportsTasklet.SKIPPED), context.getInt(DeliverReportsTasklet.UNCERTAIN),
                elsewhere(context), corrections(context)) : "no letter sent";
        ExitStatus exit = execution.getExitStatus();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            execution.setExitStatus(exit.addExitDescription(rendered + "; " + letters));
        } else {
            execution.setExitStatus(new ExitStatus(exit.getExitCode(), rootCause(execution) + " (" + rendered
                    + "; " + letters + ")"));
        }
    }

    private static String elsewhere(ExecutionContext context) {
        int elsewhere = context.getInt(DeliverReportsTasklet.ELSEWHERE, 0);
        return elsewhere == 0 ? "" : String.format(", %,d being sent by another run", elsewhere);
    }

    private static String corrections(ExecutionContext context) {
        int corrections = context.getInt(DeliverReportsTasklet.CORRECTIONS, 0);
        return corrections == 0 ? "" : String.format(" (%,d corrections planned)", corrections);
    }

    /** The failure itself ("3 store-days are not completely rolled up ..."), not the step's wrapper. */
    private static String rootCause(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .flatMap(step -> step.getFailureExceptions().stream())
                .filter(failure -> !(failure instanceof JobExecutionException))
                .findFirst()
                .or(() -> execution.getAllFailureExceptions().stream().findFirst())
                .map(NestedExceptionUtils::getMostSpecificCause)
                .map(Throwable::getMessage)
                .orElse(execution.getExitStatus().getExitCode());
    }
}
