package com.nightshift.ops;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.nightshift.ops.JobHistory.RunningExecution;

/**
 * Picks up the runs of a process that died (kill -9, a crash, a lost machine) or that shut down, on whichever
 * serving instance looks first. Every {@code nightshift.ops.recover-every} it lists the recent executions shown
 * running, and those stopped by their instance's shutdown ({@link StopRunsOnShutdown}) that nothing resumed yet,
 * and tries to take each one's run lock ({@link RunLocks}): a run alive anywhere, or being started right now (its
 * lock is taken before its execution exists), keeps its lock, so the try fails and the run is left alone. A lock
 * this process gets belonged to a process that is gone, or that let go. Under it the execution is read again (it
 * may have just ended), then:
 * <ul>
 * <li>STARTING or STARTED: resumed on a background thread here, through {@link JobRunner#resume}: marked FAILED
 * by Spring Batch's {@code JobOperator.recover}, restarted from its last committed chunk, the lock passing to the
 * resumed run, as when an operator starts the same run again;</li>
 * <li>STOPPED by its instance's shutdown: restarted from where it stopped, the same way;</li>
 * <li>STOPPING: only marked FAILED, since an operator wanted it stopped; the same parameters resume it;</li>
 * <li>left running but not its run's newest execution (a later start superseded it): only marked FAILED.</li>
 * </ul>
 * Two instances noticing the same run race for its lock, and one wins. Each case is logged at WARN. Only in the
 * serving modes ({@code nightshift.ops.recover-dead-runs}); a one-shot command leaves this to the servers, and
 * the next start of the same run resumes it anyway.
 */
@Component
class DeadRunRecovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadRunRecovery.class);
    private static final String PROCESS = ManagementFactory.getRuntimeMXBean().getName();
    /**
     * How many of the newest executions are looked at: about ten days of an incremental rollup every 15 minutes
     * and the nightly jobs. An older dead run is still recovered when its run is next started.
     */
    static final int RECENT_EXECUTIONS = 1000;

    private final JobHistory history;
    private final RunLocks locks;
    private final JobRunner runner;
    private final OpsProperties properties;
    private ScheduledExecutorService checks;

    DeadRunRecovery(JobHistory history, RunLocks locks, JobRunner runner, OpsProperties properties) {
        this.history = history;
        this.locks = locks;
        this.runner = runner;
        this.properties = properties;
    }

    /**
     * One look at the running executions; resumes or marks failed those whose process died.
     *
     * @return how many it resumed or marked failed
     */
    int recoverDeadRuns() {
        int recovered = 0;
        for (RunningExecution seen : history.unfinishedAmongRecent(RECENT_EXECUTIONS)) {
            try {
                recovered += recover(seen) ? 1 : 0;
            } catch (Exception e) {
                log.warn("Cannot recover job execution {} ({}) left by a process that ended: {}", seen.id(),
                        seen.run(), e.getMessage(), e);
            }
        }
        return recovered;
    }

    private boolean recover(RunningExecution seen) throws Exception {
        Optional<RunLock> taken = locks.tryLock(seen.run());
        if (taken.isEmpty()) {
            return false;
        }
        RunLock lock = taken.get();
        Outcome outcome = Outcome.LEFT;
        try {
            // read again under the lock: the run may have ended, and let go, since it was listed
            Optional<JobExecution> unfinished = history.execution(seen.id())
                    .filter(execution -> execution.isRunning() || stoppedByShutdown(execution));
            if (unfinished.isEmpty()) {
                return false;
            }
            outcome = resumeOrMarkFailed(unfinished.get(), lock);
            return outcome != Outcome.LEFT;
        } finally {
            // a resumed run has the lock now; its listener lets go when it ends
            if (outcome != Outcome.RESUMED) {
                locks.release(lock);
            }
        }
    }

    private static boolean stoppedByShutdown(JobExecution execution) {
        return execution.getStatus() == BatchStatus.STOPPED
                && JobHistory.STOPPED_BY_SHUTDOWN.equals(execution.getExitStatus().getExitCode());
    }

    private enum Outcome { RESUMED, MARKED_FAILED, LEFT }

    private Outcome resumeOrMarkFailed(JobExecution unfinished, RunLock lock) throws Exception {
        BatchStatus was = unfinished.getStatus();
        Optional<Long> newest = history.lastExecutionWith(lock.key());
        boolean superseded = newest.isPresent() && newest.get() != unfinished.getId();
        if (was == BatchStatus.STOPPED) {
            // superseded: resumed since it was listed, by another instance or an operator
            return superseded ? Outcome.LEFT : resume(unfinished, lock,
                    "was stopped by the shutdown of its instance: resumed from where it stopped");
        }
        if (was == BatchStatus.STOPPING) {
            runner.markFailed(unfinished);
            log.warn("Job execution {} ({}) was left STOPPING by a process that died: marked FAILED and not resumed, "
                    + "since it was being stopped; run the same parameters again to resume it", unfinished.getId(),
                    lock.key());
            return Outcome.MARKED_FAILED;
        }
        if (superseded) {
            runner.markFailed(unfinished);
            log.warn("Job execution {} ({}) was left {} by a process that died: marked FAILED and not resumed, "
                    + "since execution {} of the same run is newer", unfinished.getId(), lock.key(), was,
                    newest.get());
            return Outcome.MARKED_FAILED;
        }
        return resume(unfinished, lock, "was left " + was + " by a process that died: marked FAILED and resumed "
                + "from its last committed chunk");
    }

    private Outcome resume(JobExecution unfinished, RunLock lock, String what) throws Exception {
        boolean stopped = !unfinished.isRunning();
        Optional<JobExecution> resumed;
        try {
            resumed = runner.resume(unfinished, lock);
        } catch (Exception e) {
            if (stopped) {
                // not to be tried again every few seconds: it waits for its run's next start, as a stopped run does
                history.labelStopped(unfinished.getId(), ExitStatus.STOPPED.getExitCode());
            }
            throw e;
        }
        if (resumed.isEmpty()) {
            log.info("Job execution {} ({}) is to be resumed, but this instance is busy or shutting down: it is left "
                    + "for the next check here or on another instance", unfinished.getId(), lock.key());
            return Outcome.LEFT;
        }
        log.warn("Job execution {} ({}) {} as execution {} in process {}", unfinished.getId(), lock.key(), what,
                resumed.get().getId(), PROCESS);
        return Outcome.RESUMED;
    }

    private void checkQuietly() {
        try {
            recoverDeadRuns();
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next check tries again
            log.warn("Cannot look for runs left by dead processes: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (properties.recoverDeadRuns() && checks == null) {
            checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "dead-run-check");
                thread.setDaemon(true);
                return thread;
            });
            long every = properties.recoverEvery().toMillis();
            checks.scheduleWithFixedDelay(this::checkQuietly, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Before the runs of this process are stopped, so that none is resumed here while they are. */
    @Override
    public synchronized void stop() {
        if (checks == null) {
            return;
        }
        checks.shutdown();
        try {
            // a check under way finishes handing its runs over, so that the shutdown sees and stops them
            checks.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checks = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return checks != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
