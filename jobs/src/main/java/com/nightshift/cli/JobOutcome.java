package com.nightshift.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** Prints how a job run ended: status, time, each step's counts, and the job's own exit message. */
record JobOutcome(JobExecution execution) {

    void print(PrintWriter out) {
        out.printf("Job %s %s in %s (execution %d)%n", execution.getJobInstance().getJobName(),
                execution.getStatus(), seconds(execution.getStartTime(), execution.getEndTime()), execution.getId());
        for (StepExecution step : execution.getStepExecutions()) {
            if (isPartitionWorker(step)) {
                continue;
            }
            out.printf("  step %-28s %-9s read %,d, written %,d, skipped %,d%n", step.getStepName(), step.getStatus(),
                    step.getReadCount(), step.getWriteCount(), step.getSkipCount());
        }
        String message = execution.getExitStatus().getExitDescription();
        if (message != null && !message.isBlank()) {
            out.println("  " + firstLine(message));
        }
    }

    /** Partition workers ("step:partition") are summed up in their manager step's line. */
    private static boolean isPartitionWorker(StepExecution step) {
        return step.getStepName().contains(":");
    }

    private static String seconds(LocalDateTime start, LocalDateTime end) {
        if (start == null || end == null) {
            return "?";
        }
        return String.format("%.1f s", Duration.between(start, end).toMillis() / 1000.0);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
