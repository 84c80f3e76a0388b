package com.nightshift.ops;

import static org.assertj.core.api.Assertions.assertThat;

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

class JobHistoryTest extends IntegrationTest {

    @Autowired
    JobHistory history;
    @Autowired
    JobRepository repository;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aStopRequestMarksARunningExecutionStoppingAndBumpsItsVersionForItsProcessToNotice() {
        JobExecution execution = anExecution(BatchStatus.STARTED);
        int version = version(execution.getId());

        assertThat(history.askToStop(execution.getId())).isTrue();

        assertThat(history.status(execution.getId())).contains("STOPPING");
        assertThat(version(execution.getId())).isEqualTo(version + 1);
    }

    @Test
    void aStopRequestLeavesAnExecutionThatHasJustCompletedAsItWas() {
        JobExecution execution = anExecution(BatchStatus.COMPLETED);

        assertThat(history.askToStop(execution.getId())).isFalse();

        assertThat(history.status(execution.getId())).contains("COMPLETED");
    }

    private int version(long executionId) {
        return jdbc.queryForObject("SELECT version FROM batch_job_execution WHERE job_execution_id = ?",
                Integer.class, executionId);
    }

    private JobExecution anExecution(BatchStatus status) {
        JobParameters parameters = new JobParametersBuilder().addString("test", UUID.randomUUID().toString())
                .toJobParameters();
        JobInstance instance = repository.createJobInstance("history-test", parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStatus(status);
        repository.update(execution);
        return execution;
    }
}
