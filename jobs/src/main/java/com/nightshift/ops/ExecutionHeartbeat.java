package com.nightshift.ops;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps a heartbeat for every job execution this process runs, from its start to its end. Every job
 * registers it as a listener, so that {@link JobRunner} can tell a run in progress from one whose process died.
 */
@Component
public class ExecutionHeartbeat implements JobExecutionListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExecutionHeartbeat.class);

    private final JdbcTemplate jdbc;
    private final OpsProperties properties;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "job-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, ScheduledFuture<?>> running = new ConcurrentHashMap<>();

    public ExecutionHeartbeat(JdbcTemplate jdbc, OpsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long id = execution.getId();
        beat(id);
        long every = properties.heartbeatEvery().toMillis();
        running.put(id, beats.scheduleAtFixedRate(() -> beat(id), every, every, TimeUnit.MILLISECONDS));
    }

    @Override
    public void afterJob(JobExecution execution) {
        ScheduledFuture<?> beat = running.remove(execution.getId());
        if (beat != null) {
            beat.cancel(false);
        }
        try {
            jdbc.update("DELETE FROM job_execution_heartbeat WHERE job_execution_id = ?", execution.getId());
        } catch (RuntimeException e) {
            // the run's outcome is already decided; a row left behind simply stops being fresh
            log.warn("Cannot remove the heartbeat of job execution {}: {}", execution.getId(), e.getMessage());
        }
    }

    /**
     * True when the execution's process renewed its heartbeat recently enough to be taken as alive, or when it
     * has not beaten yet but was created that recently: a run started in the background is recorded before its
     * thread begins it. Spring Batch writes creation times in the process's local time, which is also the
     * database session's (the driver sets the session's zone to the JVM's).
     */
    public boolean isAlive(long executionId) {
        Boolean alive = jdbc.queryForObject("""
                SELECT CASE WHEN h.job_execution_id IS NOT NULL THEN h.beat_at > now() - make_interval(secs => ?)
                            ELSE e.create_time > localtimestamp - make_interval(secs => ?) END
                FROM batch_job_execution e
                LEFT JOIN job_execution_heartbeat h ON h.job_execution_id = e.job_execution_id
                WHERE e.job_execution_id = ?
                """, Boolean.class, seconds(), seconds(), executionId);
        return Boolean.TRUE.equals(alive);
    }

    private double seconds() {
        return properties.abandonedAfter().toMillis() / 1000.0;
    }

    /** Which process runs the execution, for messages. */
    public String instanceOf(long executionId) {
        return jdbc.queryForList("SELECT instance FROM job_execution_heartbeat WHERE job_execution_id = ?",
                String.class, executionId).stream().findFirst().orElse("an unknown process");
    }

    private void beat(long executionId) {
        try {
            jdbc.update("""
                    INSERT INTO job_execution_heartbeat (job_execution_id, instance, beat_at) VALUES (?, ?, now())
                    ON CONFLICT (job_execution_id) DO UPDATE SET beat_at = now(), instance = EXCLUDED.instance
                    """, executionId, instance);
        } catch (RuntimeException e) {
            // a missed beat is not fatal: the run is only taken for dead after several
            log.warn("Cannot renew the heartbeat of job execution {}: {}", executionId, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        beats.shutdownNow();
    }
}
