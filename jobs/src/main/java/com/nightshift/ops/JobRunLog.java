package com.nightshift.ops;

import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.core.Ordered;

/**
 * Writes every job's start (with the execution's id, which {@code stop} needs) and its end, with its outcome and
 * summary line (the exit description), to the log, on every job ({@link EveryJob}). Ordered second, so that its
 * {@code afterJob} runs after the job's own listeners have written the summary, and before the run's lock is
 * released.
 */
final class JobRunLog implements JobExecutionListener, Ordered {

    private static final Logger log = LoggerFactory.getLogger(JobRunLog.class);
    private static final String PROCESS = ManagementFactory.getRuntimeMXBean().getName();

    @Override
    public void beforeJob(JobExecution execution) {
        log.info("Job {} execution {} started in process {}", RunKey.of(execution), execution.getId(), PROCESS);
    }

    @Override
    public void afterJob(JobExecution execution) {
        String summary = execution.getExitStatus().getExitDescription();
        log.info("Job {} execution {} ended {}: {}", RunKey.of(execution), execution.getId(),
                execution.getStatus(), summary == null || summary.isBlank()
                        ? execution.getExitStatus().getExitCode() : summary);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
