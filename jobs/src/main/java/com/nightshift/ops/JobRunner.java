package com.nightshift.ops;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Runs a job by name the way an operator means it: the same parameters after a failure, a stop or a killed
 * process resume the unfinished execution where it left off; otherwise a new run starts, even when an
 * identical one completed before (re-running a range is always allowed and changes nothing). A run goes either
 * in the calling thread ({@link #run}, the command line) or in the background ({@link #start}, the API).
 */
@Service
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    static final String RUN_ID = "run.id";

    private final JobCatalog catalog;
    private final JobOperator operator;
    private final JobOperator backgroundOperator;
    private final ThreadPoolTaskExecutor backgroundThreads;
    private final JobRepository repository;
    private final ExecutionHeartbeat heartbeat;
    private final JobHistory history;

    public JobRunner(JobCatalog catalog, @Qualifier("jobOperator") JobOperator operator,
                     @Qualifier(BackgroundJobs.OPERATOR) JobOperator backgroundOperator,
                     @Qualifier(BackgroundJobs.EXECUTOR) ThreadPoolTaskExecutor backgroundThreads,
                     JobRepository repository, ExecutionHeartbeat heartbeat, JobHistory history) {
        this.catalog = catalog;
        this.operator = operator;
        this.backgroundOperator = backgroundOperator;
        this.backgroundThreads = backgroundThreads;
        this.repository = repository;
        this.heartbeat = heartbeat;
        this.history = history;
    }

    /** Runs the job in the calling thread and returns its finished execution. */
    public JobExecution run(String jobName, Map<String, String> parameters) throws Exception {
        return launch(jobName, parameters, operator);
    }

    /**
     * Starts the job on a background thread of this process and returns its execution as soon as it is
     * recorded, usually before it has done any work. Bad parameters, a run already alive and a run beyond
     * {@code nightshift.ops.background-jobs} are refused here.
     */
    public JobExecution start(String jobName, Map<String, String> parameters) throws Exception {
        if (backgroundThreads.getActiveCount() >= backgroundThreads.getMaxPoolSize()) {
            throw new TooManyRunsException("this instance already runs " + backgroundThreads.getActiveCount()
                    + " jobs, as many as nightshift.ops.background-jobs allows; try again once one has finished");
        }
        return launch(jobName, parameters, backgroundOperator);
    }

    private JobExecution launch(String jobName, Map<String, String> parameters, JobOperator operator)
            throws Exception {
        Job job = catalog.job(jobName);
        JobParameters requested = JobParametersParser.toJobParameters(parameters);
        validate(job, requested);
        Optional<JobExecution> last = lastExecutionFor(jobName, parameters);
        if (last.isPresent() && last.get().isRunning()) {
            return recoverAndRestart(last.get(), operator);
        }
        Optional<JobExecution> unfinished = last.filter(execution -> execution.getStatus() == BatchStatus.FAILED
                || execution.getStatus() == BatchStatus.STOPPED);
        if (unfinished.isPresent()) {
            return operator.restart(unfinished.get());
        }
        return operator.start(job, new JobParametersBuilder(requested)
                .addLong(RUN_ID, history.nextRunId(jobName))
                .toJobParameters());
    }

    /**
     * A run the repository still shows as running is either alive somewhere, and left alone, or was running
     * in a process that died: then it is marked failed and resumed, which redoes only what had not committed.
     */
    private JobExecution recoverAndRestart(JobExecution execution, JobOperator operator) throws Exception {
        if (heartbeat.isAlive(execution.getId())) {
            throw new JobAlreadyRunningException("job " + execution.getJobInstance().getJobName()
                    + " with these parameters is already running (execution " + execution.getId() + " in "
                    + heartbeat.instanceOf(execution.getId()) + ")");
        }
        log.warn("Job execution {} was left running by a process that stopped; recovering and resuming it",
                execution.getId());
        return operator.restart(operator.recover(execution));
    }

    private static void validate(Job job, JobParameters parameters) throws InvalidJobParametersException {
        job.getJobParametersValidator().validate(parameters);
    }

    private Optional<JobExecution> lastExecutionFor(String jobName, Map<String, String> parameters) {
        return history.lastExecutionWith(jobName, parameters).map(repository::getJobExecution);
    }
}
