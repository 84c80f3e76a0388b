package com.nightshift.ops;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Asks a running execution to stop, wherever it runs: it is marked STOPPING in the job repository, and the
 * process running it reads that status back at each chunk commit (Spring Batch's repository synchronises the
 * job's status whenever it saves a step execution), then ends the step and the job as STOPPED. Unlike
 * {@code JobOperator.stop}, this leaves the end time unset, so the repository shows STOPPING, not STOPPED,
 * until the run has really finished its chunk.
 */
final class StopRequest {

    private StopRequest() {
    }

    static void of(JobRepository repository, JobExecution execution) {
        execution.setStatus(BatchStatus.STOPPING);
        repository.update(execution);
    }
}
