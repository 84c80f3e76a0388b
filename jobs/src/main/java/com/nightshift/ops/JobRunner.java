package com.nightshift.ops;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * Runs a job by name the way an operator means it: the same parameters after a failure or a stop resume
 * the unfinished execution where it left off; otherwise a new run starts, even when an identical one
 * completed before (re-running a range is always allowed and changes nothing).
 */
@Service
public class JobRunner {

    static final String RUN_ID = "run.id";
    private static final int INSTANCES_TO_SEARCH = 200;

    private final JobCatalog catalog;
    private final JobOperator operator;
    private final JobRepository repository;

    public JobRunner(JobCatalog catalog, JobOperator operator, JobRepository repository) {
        this.catalog = catalog;
        this.operator = operator;
        this.repository = repository;
    }

    /** Runs the job in the calling thread and returns its finished execution. */
    public JobExecution run(String jobName, Map<String, String> parameters) throws Exception {
        Job job = catalog.job(jobName);
        JobParameters requested = JobParametersParser.toJobParameters(parameters);
        validate(job, requested);
        Optional<JobExecution> unfinished = lastExecutionFor(jobName, requested)
                .filter(execution -> execution.getStatus() == BatchStatus.FAILED
                        || execution.getStatus() == BatchStatus.STOPPED);
        if (unfinished.isPresent()) {
            return operator.restart(unfinished.get());
        }
        return operator.start(job, new JobParametersBuilder(requested)
                .addLong(RUN_ID, nextRunId(jobName))
                .toJobParameters());
    }

    private static void validate(Job job, JobParameters parameters) throws InvalidJobParametersException {
        job.getJobParametersValidator().validate(parameters);
    }

    private Optional<JobExecution> lastExecutionFor(String jobName, JobParameters requested) {
        return repository.getJobInstances(jobName, 0, INSTANCES_TO_SEARCH).stream()
                .map(repository::getLastJobExecution)
                .filter(execution -> execution != null && withoutRunId(execution.getJobParameters()).equals(requested))
                .max(Comparator.comparing(JobExecution::getId));
    }

    private long nextRunId(String jobName) {
        JobInstance last = repository.getLastJobInstance(jobName);
        if (last == null) {
            return 1;
        }
        JobExecution execution = repository.getLastJobExecution(last);
        Long previous = execution == null ? null : execution.getJobParameters().getLong(RUN_ID);
        return previous == null ? 1 : previous + 1;
    }

    private static JobParameters withoutRunId(JobParameters parameters) {
        return new JobParameters(parameters.parameters().stream()
                .filter(parameter -> !RUN_ID.equals(parameter.name()))
                .collect(Collectors.toSet()));
    }
}
