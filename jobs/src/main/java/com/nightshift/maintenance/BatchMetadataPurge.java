package com.nightshift.maintenance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Deletes Spring Batch's record of job instances whose every execution was created before the cutoff and has
 * ended, a whole instance at a time (half an instance could not be restarted sensibly), children before parents.
 * Never an instance with an execution still running (STARTING, STARTED, STOPPING, even one left so by a dead
 * process), nor one whose run has letters still to be sent. Our own tables that name a {@code job_execution_id}
 * (schedule fires, the delivery ledger, report archives, health results and alerts, rollup bookkeeping) hold it
 * as a plain number without a foreign key: they keep it as history (only the ledger, the archives and the health
 * results have a retention of their own).
 */
@Component
class BatchMetadataPurge {

    /** Instances per transaction: keeps each transaction's locks and undo small on a first purge of years. */
    static final int INSTANCES_PER_TRANSACTION = 1000;

    private static final String ENDED = """
            FROM batch_job_instance i
            WHERE EXISTS (SELECT 1 FROM batch_job_execution e WHERE e.job_instance_id = i.job_instance_id)
              AND NOT EXISTS (SELECT 1 FROM batch_job_execution e WHERE e.job_instance_id = i.job_instance_id
                              AND (e.create_time >= ? OR e.status IN ('STARTING', 'STARTED', 'STOPPING')))
              AND NOT EXISTS (SELECT 1 FROM batch_job_execution e JOIN delivery d
                                  ON d.job_execution_id = e.job_execution_id
                              WHERE e.job_instance_id = i.job_instance_id
                                AND d.state IN ('PENDING', 'SENDING', 'RETRYING'))""";

    private static final String EXECUTIONS = "SELECT job_execution_id FROM batch_job_execution WHERE job_instance_id"
            + " = ANY(?)";

    /** How many job instances a purge would delete. */
    long count(JdbcOperations jdbc, Instant before) {
        return jdbc.queryForObject("SELECT count(*) " + ENDED, Long.class, at(before));
    }

    /**
     * Deletes up to {@link #INSTANCES_PER_TRANSACTION} instances; to be called in a transaction, again until it
     * returns fewer. Their rows are locked first, so a restart of one meanwhile waits, then fails cleanly.
     */
    long purgeSome(JdbcOperations jdbc, Instant before) {
        List<Long> instances = jdbc.queryForList("SELECT i.job_instance_id " + ENDED
                + " ORDER BY i.job_instance_id LIMIT " + INSTANCES_PER_TRANSACTION + " FOR UPDATE OF i", Long.class,
                at(before));
        Object ids = instances.toArray(Long[]::new);
        jdbc.update("DELETE FROM batch_step_execution_context WHERE step_execution_id IN (SELECT step_execution_id"
                + " FROM batch_step_execution WHERE job_execution_id IN (" + EXECUTIONS + "))", ids);
        jdbc.update("DELETE FROM batch_step_execution WHERE job_execution_id IN (" + EXECUTIONS + ")", ids);
        jdbc.update("DELETE FROM batch_job_execution_context WHERE job_execution_id IN (" + EXECUTIONS + ")", ids);
        jdbc.update("DELETE FROM batch_job_execution_params WHERE job_execution_id IN (" + EXECUTIONS + ")", ids);
        jdbc.update("DELETE FROM batch_job_execution WHERE job_instance_id = ANY(?)", ids);
        return jdbc.update("DELETE FROM batch_job_instance WHERE job_instance_id = ANY(?)", ids);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
