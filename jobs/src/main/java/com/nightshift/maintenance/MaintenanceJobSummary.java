package com.nightshift.maintenance;

import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Writes every action of a maintenance run into its exit message, step by step, or says that there was
 * nothing to do. A skipped or refused action leaves the run COMPLETED: its line (and the log's WARN) says why.
 */
@Component
class MaintenanceJobSummary implements JobExecutionListener {

    @Override
    public void afterJob(JobExecution execution) {
        String actions = execution.getStepExecutions().stream().map(StepExecution::getExitStatus)
                .map(ExitStatus::getExitDescription).filter(Objects::nonNull).filter(text -> !text.isBlank())
                .collect(Collectors.joining("; "));
        String dry = MaintenanceRequest.dryRun(MaintenanceParametersValidator.given(execution.getJobParameters()))
                ? "dry run, nothing changed: " : "";
        String summary = dry + (actions.isEmpty() ? "nothing to do" : actions);
        ExitStatus exit = execution.getExitStatus();
        execution.setExitStatus(execution.getStatus() == BatchStatus.COMPLETED ? exit.addExitDescription(summary)
                : exit.addExitDescription("before stopping, " + summary));
    }
}
