package com.nightshift.ops;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Runs a job by name the way an operator means it. One run ({@link RunKey}: the job and its parameters) is
 * alive at most once across all instances: its process holds the run's lock from here until the run ends, and
 * a second start meanwhile is refused at once. Under the lock, the same parameters after a failure, a stop or a
 * killed process resume the unfinished execution where it left off; otherwise a new run starts, even when an
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
    private final JobHistory history;
    private final RunLocks locks;
    private final AtomicInteger runsInCallingThreads = new AtomicInteger();
    private volatile boolean shuttingDown;

    public JobRunner(JobCatalog catalog, @Qualifier("jobOperator") JobOperator operator,
                     @Qualifier(BackgroundJobs.OPERATOR) JobOperator backgroundOperator,
                     @Qualifier(BackgroundJobs.EXECUTOR) ThreadPoolTaskExecutor backgroundThreads,
                     JobRepository repository, JobHistory history, RunLocks locks) {
        this.catalog = catalog;
        this.operator = operator;
        this.backgroundOperator = backgroundOperator;
        this.backgroundThreads = backgroundThreads;
        this.repository = repository;
        this.history = history;
        this.locks = locks;
    }

    /** Runs the job in the calling thread and returns its finished execution. */
    public JobExecution run(String jobName, Map<String, String> parameters) throws Exception {
        return run(jobName, parameters, Map.of());
    }

    /**
     * Runs the job in the calling thread and returns its finished execution.
     *
     * @param notes what started the run (a schedule and its fire time, ...), kept with a new execution as
     *              non-identifying parameters: they show in its history and never make it a different run.
     *              A resumed execution keeps the notes of its first start.
     */
    public JobExecution run(String jobName, Map<String, String> parameters, Map<String, String> notes)
            throws Exception {
        Job job = validated(jobName, parameters);
        RunLock lock = lock(jobName, parameters);
        runsInCallingThreads.incrementAndGet();
        try {
            return launch(job, parameters, notes, lock, operator);
        } finally {
            // the run has ended and its listener let go already, unless it never reached its listeners
            locks.release(lock);
            runsInCallingThreads.decrementAndGet();
        }
    }

    /**
     * Starts the job on a background thread of this process and returns its execution as soon as it is
     * recorded, usually before it has done any work. Bad parameters, a run already alive and a run beyond
     * {@code nightshift.ops.background-jobs} are refused here. The run's listener releases its lock when it
     * ends.
     */
    public JobExecution start(String jobName, Map<String, String> parameters) throws Exception {
        return start(jobName, parameters, Map.of());
    }

    /** {@link #start(String, Map)} with notes of what started the run, as {@link #run(String, Map, Map)} keeps them. */
    public JobExecution start(String jobName, Map<String, String> parameters, Map<String, String> notes)
            throws Exception {
        requireBackgroundThread();
        Job job = validated(jobName, parameters);
        RunLock lock = lock(jobName, parameters);
        try {
            return launch(job, parameters, notes, lock, backgroundOperator);
        } catch (Exception | Error e) {
            locks.release(lock);
            throw e;
        }
    }

    /**
     * Resumes a FAILED or STOPPED execution from where it stopped, in the calling thread, and returns it finished:
     * the same as running its run's parameters again ({@link #run}), under the run's lock, except that it is
     * refused rather than start a new run.
     *
     * @throws JobNotRestartableException when it is running, completed or abandoned, or not its run's latest
     */
    public JobExecution restartHere(long executionId) throws Exception {
        Resumable resumable = resumable(executionId);
        runsInCallingThreads.incrementAndGet();
        try {
            return launch(resumable.job(), resumable.parameters(), Map.of(), resumable.lock(), operator);
        } finally {
            locks.release(resumable.lock());
            runsInCallingThreads.decrementAndGet();
        }
    }

    /** {@link #restartHere} on a background thread, as {@link #start} runs a job: returns once it is recorded. */
    public JobExecution restart(long executionId) throws Exception {
        requireBackgroundThread();
        Resumable resumable = resumable(executionId);
        try {
            return launch(resumable.job(), resumable.parameters(), Map.of(), resumable.lock(), backgroundOperator);
        } catch (Exception | Error e) {
            locks.release(resumable.lock());
            throw e;
        }
    }

    /** An execution to resume: its job, its run's parameters, and the run's lock, taken. */
    private record Resumable(Job job, Map<String, String> parameters, RunLock lock) {
    }

    private Resumable resumable(long executionId) throws InvalidJobParametersException {
        JobExecution execution = restartable(executionId);
        Map<String, String> parameters = RunKey.identifyingParameters(execution);
        String jobName = execution.getJobInstance().getJobName();
        Job job = validated(jobName, parameters);
        return new Resumable(job, parameters, lockToResume(jobName, parameters, executionId));
    }

    private JobExecution restartable(long executionId) {
        JobExecution execution = history.execution(executionId)
                .orElseThrow(() -> new UnknownJobExecutionException(executionId));
        if (execution.isRunning()) {
            throw new JobNotRestartableException("job execution " + executionId + " is running ("
                    + execution.getStatus() + "); stop it first, or wait for it to end");
        }
        if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
            throw new JobNotRestartableException("job execution " + executionId + " cannot be restarted: it is "
                    + execution.getStatus() + "; only a FAILED or STOPPED execution resumes");
        }
        return execution;
    }

    /**
     * The run's lock, once it is clear under it that starting the run again would resume this execution: it is
     * still the run's latest, and still FAILED or STOPPED.
     */
    private RunLock lockToResume(String jobName, Map<String, String> parameters, long executionId) {
        RunLock lock = lock(jobName, parameters);
        RunKey key = lock.key();
        Optional<Long> latest = history.lastExecutionWith(key);
        Optional<String> status = history.status(executionId);
        if (latest.isPresent() && latest.get() == executionId
                && status.filter(s -> s.equals("FAILED") || s.equals("STOPPED")).isPresent()) {
            return lock;
        }
        locks.release(lock);
        if (latest.isPresent() && latest.get() != executionId) {
            String latestStatus = history.status(latest.get()).orElse("gone");
            throw new JobNotRestartableException("job execution " + executionId + " is not the latest of its run ("
                    + key + "): execution " + latest.get() + " is, and it is " + latestStatus
                    + (latestStatus.equals("FAILED") || latestStatus.equals("STOPPED")
                    ? "; restart that one instead" : ""));
        }
        throw new JobNotRestartableException("job execution " + executionId + " cannot be restarted: it is now "
                + status.orElse("gone"));
    }

    private void requireBackgroundThread() {
        if (backgroundThreads.getActiveCount() >= backgroundThreads.getMaxPoolSize()) {
            throw new TooManyRunsException("this instance already runs " + backgroundThreads.getActiveCount()
                    + " jobs, as many as nightshift.ops.background-jobs allows; try again once one has finished");
        }
    }

    /**
     * How many runs this process has under way, from their start until their outcome is saved and they have
     * returned: a shutdown waits for none to be left before it closes the pool under them.
     */
    int runsUnderWay() {
        return runsInCallingThreads.get() + backgroundThreads.getActiveCount();
    }

    /**
     * Asks a running execution to stop at its next chunk boundary, wherever it runs; running the same
     * parameters again resumes it. An execution shown as running whose lock nobody holds belonged to a process
     * that died: it is marked FAILED on the spot, and the answer says so.
     */
    public JobExecution stop(long executionId) {
        JobExecution execution = history.execution(executionId)
                .orElseThrow(() -> new UnknownJobExecutionException(executionId));
        if (!execution.isRunning()) {
            throw new JobNotRunningException("job execution " + executionId + " is not running: it is "
                    + execution.getStatus());
        }
        RunKey key = RunKey.of(execution);
        Optional<RunLock> dead = locks.tryLock(key);
        if (dead.isPresent()) {
            try {
                // read again under the lock: the run may have ended between the first read and the lock
                operator.recover(history.execution(executionId).filter(JobExecution::isRunning)
                        .orElseThrow(() -> justEnded(executionId)));
            } finally {
                locks.release(dead.get());
            }
            throw new JobNotRunningException("job execution " + executionId + " is not running: its process "
                    + "stopped without ending it, so it is now marked FAILED; run the same parameters again to "
                    + "resume it");
        }
        if (!history.askToStop(executionId)) {
            throw justEnded(executionId);
        }
        log.info("Asked job execution {} ({}) to stop at its next chunk boundary", executionId, key);
        return history.execution(executionId).orElse(execution);
    }

    /**
     * Whether a run of the job with exactly these parameters ever completed, on any instance: a schedule catching
     * up on missed business dates leaves those alone.
     */
    public boolean hasCompleted(String jobName, Map<String, String> parameters) {
        return history.hasCompleted(RunKey.of(jobName, parameters));
    }

    private static JobNotRunningException justEnded(long executionId) {
        return new JobNotRunningException("job execution " + executionId + " is not running: it has just ended");
    }

    /**
     * Whether new runs are taken: not while the engine is stopping (it would close under them); again if it
     * starts once more (a paused test context).
     */
    void takeNewRuns(boolean take) {
        shuttingDown = !take;
    }

    private Job validated(String jobName, Map<String, String> parameters) throws InvalidJobParametersException {
        if (shuttingDown) {
            throw new TooManyRunsException("this instance is shutting down; start the job on another one");
        }
        Job job = catalog.job(jobName);
        job.getJobParametersValidator().validate(JobParametersParser.toJobParameters(parameters));
        return job;
    }

    private RunLock lock(String jobName, Map<String, String> parameters) {
        RunKey key = RunKey.of(jobName, parameters);
        return locks.tryLock(key).orElseThrow(() -> alreadyRunning(key));
    }

    /** Chooses, under the run's lock, between resuming its last execution and a new one, and starts it. */
    private JobExecution launch(Job job, Map<String, String> parameters, Map<String, String> notes, RunLock lock,
                                JobOperator operator) throws Exception {
        RunKey key = lock.key();
        Optional<JobExecution> last = history.lastExecutionWith(key).map(repository::getJobExecution);
        JobExecution execution;
        if (last.isPresent() && last.get().isRunning()) {
            // we hold the run's lock, so the process that ran it has died
            log.warn("Job execution {} ({}) was left {} by a process that stopped; recovering and resuming it",
                    last.get().getId(), key, last.get().getStatus());
            execution = recoverAndRestart(last.get(), operator);
        } else if (last.isPresent() && (last.get().getStatus() == BatchStatus.FAILED
                || last.get().getStatus() == BatchStatus.STOPPED)) {
            execution = operator.restart(last.get());
        } else {
            JobParametersBuilder builder = new JobParametersBuilder(JobParametersParser.toJobParameters(parameters))
                    .addLong(RUN_ID, history.nextRunId());
            notes.forEach((name, value) -> builder.addString(name, value, false));
            execution = operator.start(job, builder.toJobParameters());
        }
        lock.attach(execution.getId());
        return execution;
    }

    /**
     * Resumes, on a background thread, an execution left running by a process that died, or stopped by its
     * instance's shutdown, the same way a start of its run would ({@link #launch}): one left running is first
     * marked FAILED by Spring Batch's recovery; then it restarts from its last committed chunk. The caller
     * ({@link DeadRunRecovery}) took the run's lock and checked the execution under it; the lock passes to the
     * resumed run, whose listener releases it when it ends.
     *
     * @return empty, with nothing done and the lock still the caller's, while this instance is shutting down or
     *         already runs {@code nightshift.ops.background-jobs} runs
     */
    Optional<JobExecution> resume(JobExecution unfinished, RunLock lock) throws Exception {
        if (shuttingDown || backgroundThreads.getActiveCount() >= backgroundThreads.getMaxPoolSize()) {
            return Optional.empty();
        }
        JobExecution execution = unfinished.isRunning() ? recoverAndRestart(unfinished, backgroundOperator)
                : backgroundOperator.restart(unfinished);
        lock.attach(execution.getId());
        return Optional.of(execution);
    }

    /** Marks an execution whose process died FAILED, as Spring Batch's recovery does, without resuming it. */
    void markFailed(JobExecution dead) {
        operator.recover(dead);
    }

    private static JobExecution recoverAndRestart(JobExecution dead, JobOperator operator) throws Exception {
        return operator.restart(operator.recover(dead));
    }

    private JobAlreadyRunningException alreadyRunning(RunKey key) {
        String holder = locks.holder(key);
        return history.lastExecutionWith(key)
                .filter(id -> history.status(id).filter(RunLocks.RUNNING::contains).isPresent())
                .map(id -> new JobAlreadyRunningException("job " + key + " is already running: execution " + id
                        + ", held by " + holder + "; wait for it to end, or stop it with 'nightshift stop " + id
                        + "' or POST /api/jobs/executions/" + id + "/stop"))
                .orElseGet(() -> new JobAlreadyRunningException("job " + key + " is already being started by "
                        + holder));
    }
}
