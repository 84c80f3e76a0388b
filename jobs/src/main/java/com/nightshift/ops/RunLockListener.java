package com.nightshift.ops;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;

/**
 * Holds a run's lock for as long as its execution runs, on every job ({@link EveryJob}). A run started by
 * {@link JobRunner} took its lock before its execution was chosen and only ties it to the execution here; a run
 * started any other way takes it here, or fails at once. Ordered first, so that it runs before every other
 * listener and lets go after all of them, once the execution's outcome is saved.
 */
final class RunLockListener implements JobExecutionListener, Ordered {

    private final ObjectProvider<RunLocks> locks;

    RunLockListener(ObjectProvider<RunLocks> locks) {
        this.locks = locks;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        RunKey key = RunKey.of(execution);
        RunLock lock = locks.getObject().heldHere(key)
                .or(() -> locks.getObject().tryLock(key))
                .orElseThrow(() -> refused(key, execution));
        if (!lock.attach(execution.getId())) {
            throw refused(key, execution);
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        locks.getObject().heldHere(RunKey.of(execution))
                .filter(lock -> lock.execution().filter(id -> id.equals(execution.getId())).isPresent())
                .ifPresent(locks.getObject()::release);
    }

    private static JobAlreadyRunningException refused(RunKey key, JobExecution execution) {
        return new JobAlreadyRunningException("job " + key + " is already running: execution "
                + execution.getId() + " may not run beside it");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
