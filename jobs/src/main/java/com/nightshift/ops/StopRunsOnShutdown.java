package com.nightshift.ops;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * When the engine shuts down (SIGTERM, Ctrl-C, the end of a command), stops the runs of this process at their
 * next chunk boundary and waits for them to end, up to {@code nightshift.ops.stop-timeout}, before the pools
 * and servers under them close. A run stopped so is STOPPED and resumes where it stopped when started again.
 * A serving instance ({@code nightshift.ops.recover-dead-runs}) also hands its runs over: their exit code says
 * that the shutdown stopped them (not an operator, whose stopped runs stay stopped), and another serving instance,
 * or this one's next start, resumes them ({@link DeadRunRecovery}). It stops just after the scheduler is put on
 * standby and the dead-run check has ended, so that nothing starts or resumes a run here meanwhile.
 */
@Component
class StopRunsOnShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StopRunsOnShutdown.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final RunLocks locks;
    private final JobRunner runner;
    private final JobHistory history;
    private final Duration timeout;
    private final boolean handOver;
    private volatile boolean running;

    StopRunsOnShutdown(RunLocks locks, JobRunner runner, JobHistory history, OpsProperties properties) {
        this.locks = locks;
        this.runner = runner;
        this.history = history;
        this.timeout = properties.stopTimeout();
        this.handOver = properties.recoverDeadRuns();
    }

    @Override
    public void start() {
        runner.takeNewRuns(true);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        runner.takeNewRuns(false);
        List<Long> executions = locks.executionsRunningHere();
        if (executions.isEmpty()) {
            return;
        }
        log.info("Shutting down: stopping job executions {} at their next chunk boundary", executions);
        // those an operator was stopping already stay stopped
        List<Long> stoppedByShutdown = executions.stream()
                .filter(id -> history.status(id).filter("STOPPING"::equals).isEmpty()).toList();
        executions.forEach(history::askToStop);
        long deadline = System.nanoTime() + timeout.toNanos();
        // a run's lock goes before its outcome is saved for the last time: wait for the run to have returned
        while (runner.runsUnderWay() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (runner.runsUnderWay() > 0) {
            log.warn("Job executions {} did not reach a chunk boundary within nightshift.ops.stop-timeout ({}); "
                    + "closing under them: they resume after a restart", locks.executionsRunningHere(), timeout);
        } else if (handOver) {
            handOver(stoppedByShutdown);
        }
    }

    private void handOver(List<Long> executions) {
        for (long id : executions) {
            try {
                if (history.labelStopped(id, JobHistory.STOPPED_BY_SHUTDOWN)) {
                    log.info("Job execution {} was stopped by this shutdown: another serving instance, or this one's "
                            + "next start, resumes it", id);
                }
            } catch (RuntimeException e) {
                log.warn("Cannot mark job execution {} as stopped by this shutdown; it stays STOPPED until started "
                        + "again: {}", id, e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}
