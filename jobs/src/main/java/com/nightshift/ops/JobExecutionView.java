package com.nightshift.ops;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A job execution as the API shows it. Spring Batch records local times of the process's zone; they are given
 * here with their offset, so a reader elsewhere knows when that was. {@code counts} sums the job's steps;
 * a partitioned step's workers ({@code step:partition}) are already summed in their manager step and are not
 * counted twice. {@code steps} is there in the detail of one execution and left out of lists.
 */
public record JobExecutionView(long id, String job, String status, String exitCode, String exitDescription,
                               Map<String, String> parameters, OffsetDateTime createTime,
                               OffsetDateTime startTime, OffsetDateTime endTime, Long durationMillis,
                               StepCounts counts, StartedBy startedBy,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<StepView> steps) {

    /** One step execution of the detail. */
    public record StepView(long id, String name, String status, String exitCode, String exitDescription,
                           OffsetDateTime startTime, OffsetDateTime endTime, Long durationMillis,
                           StepCounts counts) {

        static StepView of(StepExecution step) {
            return new StepView(step.getId(), step.getStepName(), step.getStatus().name(),
                    step.getExitStatus().getExitCode(), step.getExitStatus().getExitDescription(),
                    withOffset(step.getStartTime()), withOffset(step.getEndTime()),
                    millis(step.getStartTime(), step.getEndTime()), JobExecutionView.counts(step));
        }
    }

    public static JobExecutionView of(JobExecution execution) {
        Map<String, String> parameters = new TreeMap<>();
        execution.getJobParameters().parameters().forEach(parameter ->
                parameters.put(parameter.name(), String.valueOf(parameter.value())));
        List<StepExecution> steps = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId)).toList();
        StepCounts counts = steps.stream().filter(step -> !isPartitionWorker(step.getStepName()))
                .map(JobExecutionView::counts).reduce(StepCounts.NONE, StepCounts::plus);
        return new JobExecutionView(execution.getId(), execution.getJobInstance().getJobName(),
                execution.getStatus().name(), execution.getExitStatus().getExitCode(),
                execution.getExitStatus().getExitDescription(), parameters, withOffset(execution.getCreateTime()),
                withOffset(execution.getStartTime()), withOffset(execution.getEndTime()),
                millis(execution.getStartTime(), execution.getEndTime()), counts, StartedBy.of(parameters),
                steps.stream().map(StepView::of).toList());
    }

    /** Partition workers ({@code step:partition}) are summed up in their manager step. */
    static boolean isPartitionWorker(String stepName) {
        return stepName.contains(":");
    }

    static OffsetDateTime withOffset(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    static Long millis(LocalDateTime start, LocalDateTime end) {
        return start == null || end == null ? null : Duration.between(start, end).toMillis();
    }

    static StepCounts counts(StepExecution step) {
        return new StepCounts(step.getReadCount(), step.getWriteCount(), step.getSkipCount(), step.getCommitCount());
    }
}
