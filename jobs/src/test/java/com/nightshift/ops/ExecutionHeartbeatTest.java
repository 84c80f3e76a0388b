package com.nightshift.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.IntegrationTest;

class ExecutionHeartbeatTest extends IntegrationTest {

    @Autowired
    ExecutionHeartbeat heartbeat;
    @Autowired
    JobRepository repository;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anExecutionIsAliveWhileItsProcessBeats() {
        JobExecution execution = anExecution();
        heartbeat.beforeJob(execution);

        assertThat(heartbeat.isAlive(execution.getId())).isTrue();
        heartbeat.afterJob(execution);
    }

    @Test
    void anExecutionWhoseHeartbeatStoppedLongAgoIsDead() {
        JobExecution execution = anExecution();
        jdbc.update("INSERT INTO job_execution_heartbeat (job_execution_id, instance, beat_at) "
                + "VALUES (?, 'gone', now() - interval '10 minutes')", execution.getId());

        assertThat(heartbeat.isAlive(execution.getId())).isFalse();
    }

    @Test
    void aJustCreatedExecutionThatHasNotBeatenYetIsAlive() {
        JobExecution execution = anExecution();

        assertThat(heartbeat.isAlive(execution.getId())).isTrue();
    }

    @Test
    void anExecutionCreatedLongAgoThatNeverBeatIsDead() {
        JobExecution execution = anExecution();
        jdbc.update("UPDATE batch_job_execution SET create_time = create_time - interval '10 minutes' "
                + "WHERE job_execution_id = ?", execution.getId());

        assertThat(heartbeat.isAlive(execution.getId())).isFalse();
    }

    private JobExecution anExecution() {
        JobParameters parameters = new JobParametersBuilder()
                .addString("test", UUID.randomUUID().toString()).toJobParameters();
        JobInstance instance = repository.createJobInstance("heartbeat-test", parameters);
        return repository.createJobExecution(instance, parameters, new ExecutionContext());
    }
}
