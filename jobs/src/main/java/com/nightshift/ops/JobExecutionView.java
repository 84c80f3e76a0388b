package com.nightshift.ops;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.job.JobExecution;

/**
 * A job execution as the API shows it. Spring Batch records local times of the process's zone; they are given
 * here with their offset, so a reader elsewhere knows when that was.
 */
public record JobExecutionView(long id, String job, String status, String exitCode, String exitDescription,
                               Map<String, String> parameters, OffsetDateTime createTime,
                               OffsetDateTime startTime, OffsetDateTime endTime) {

    public static JobExecutionView of(JobExecution execution) {
        Map<String, String> parameters = new TreeMap<>();
        execution.getJobParameters().parameters().forEach(parameter ->
                parameters.put(parameter.name(), String.valueOf(parameter.value())));
        return new JobExecutionView(execution.getId(), execution.getJobInstance().getJobName(),
                execution.getStatus().name(), execution.getExitStatus().getExitCode(),
                execution.getExitStatus().getExitDescription(), parameters, withOffset(execution.getCreateTime()),
                withOffset(execution.getStartTime()), withOffset(execution.getEndTime()));
    }

    private static OffsetDateTime withOffset(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
