package com.nightshift.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.IntegrationTest;

class RunLocksTest extends IntegrationTest {

    @Autowired
    RunLocks locks;
    @Autowired
    JobRepository repository;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRunWhoseLockConnectionBrokeIsAskedToStop() {
        RunKey key = aKey();
        JobExecution execution = aRunningExecution(key);
        RunLock lock = locks.tryLock(key).orElseThrow();
        lock.attach(execution.getId());
        jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' "
                + "AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = ?", key.lockId());

        locks.checkAll();

        assertThat(repository.getJobExecution(execution.getId()).getStatus()).isEqualTo(BatchStatus.STOPPING);
        assertThat(locks.heldHere(key)).isEmpty();
    }

    @Test
    void aLockWhoseExecutionHasEndedIsReleased() {
        RunKey key = aKey();
        JobExecution execution = aRunningExecution(key);
        RunLock lock = locks.tryLock(key).orElseThrow();
        lock.attach(execution.getId());
        execution.setStatus(BatchStatus.STOPPED);
        repository.update(execution);

        locks.checkAll();

        assertThat(locks.heldHere(key)).isEmpty();
        assertThat(locks.tryLock(key)).as("free for the next start").isPresent();
        locks.heldHere(key).ifPresent(locks::release);
    }

    @Test
    void aHeldLockOfARunningExecutionIsKept() {
        RunKey key = aKey();
        RunLock lock = locks.tryLock(key).orElseThrow();
        lock.attach(aRunningExecution(key).getId());

        locks.checkAll();

        assertThat(locks.heldHere(key)).contains(lock);
        locks.release(lock);
    }

    @Test
    void theHolderIsNamedByItsProcess() {
        RunKey key = aKey();
        RunLock lock = locks.tryLock(key).orElseThrow();

        assertThat(locks.holder(key)).startsWith("nightshift run lock " + ProcessHandle.current().pid() + "@");
        locks.release(lock);
        assertThat(locks.holder(key)).isEqualTo("no process any more");
    }

    private static RunKey aKey() {
        return RunKey.of("lock-test", Map.of("test", UUID.randomUUID().toString()));
    }

    private JobExecution aRunningExecution(RunKey key) {
        JobParameters parameters = new JobParametersBuilder().addString("test", key.parameters())
                .toJobParameters();
        JobInstance instance = repository.createJobInstance(key.job(), parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        repository.update(execution);
        return execution;
    }
}
