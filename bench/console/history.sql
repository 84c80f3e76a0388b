-- 10,000 job executions (:executions) as years of nightly runs leave them: 7 in 10 are rollups, each with its
-- quarantine and partitions steps, 8 partition workers and the cache warm-up (11 step executions); 3 in 10 are
-- reports (3 steps). 1 in 50 failed, 1 in 97 was stopped; the rest completed, in 30 s to 11 min. Each has its
-- parameters and its notes (a schedule's, or an operator's through the API), as real runs carry them.
\set ON_ERROR_STOP on
BEGIN;
TRUNCATE batch_step_execution_context, batch_job_execution_context, batch_step_execution,
         batch_job_execution_params, batch_job_execution, batch_job_instance;

CREATE TEMP TABLE run AS
SELECT i AS id,
       CASE WHEN i % 10 < 7 THEN 'rollup' ELSE 'report' END AS job,
       CASE WHEN i % 50 = 0 THEN 'FAILED' WHEN i % 97 = 0 THEN 'STOPPED' ELSE 'COMPLETED' END AS status,
       timestamp '2024-01-01 02:00' + i * interval '2 hours' AS created,
       (30 + (i * 7919) % 630) * interval '1 second' AS took
FROM generate_series(1, :executions) i;

INSERT INTO batch_job_instance (job_instance_id, version, job_name, job_key)
SELECT id, 0, job, md5(id::text) FROM run;

INSERT INTO batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time, end_time,
                                 status, exit_code, exit_message, last_updated)
SELECT id, 2, id, created, created + interval '1 second', created + interval '1 second' + took, status, status,
       CASE status
           WHEN 'FAILED' THEN 'stopped after 5 partitions committed: 40,000 order lines rolled up into 900 rows; run '
               || 'it again with the same parameters to finish the rest. Cause: PSQLException: ERROR: could not '
               || 'extend file: No space left on device'
           WHEN 'STOPPED' THEN 'stopped after 3 partitions committed; run it again with the same parameters'
           ELSE '8 partitions committed: 80,000 order lines rolled up into 1,800 rows (1,800 inserted, changed or '
               || 'removed); 0 lines quarantined; cache warmed' END,
       created + interval '1 second' + took
FROM run;

INSERT INTO batch_job_execution_params (job_execution_id, parameter_name, parameter_type, parameter_value, identifying)
SELECT id, name, 'java.lang.String', value, identifying
FROM run, LATERAL (VALUES
    ('mode', CASE WHEN job = 'rollup' THEN 'full' END, 'Y'),
    ('from', CASE WHEN job = 'rollup' THEN to_char(created - interval '1 day', 'YYYY-MM-DD') END, 'Y'),
    ('to', CASE WHEN job = 'rollup' THEN to_char(created - interval '1 day', 'YYYY-MM-DD') END, 'Y'),
    ('report', CASE WHEN job = 'report' THEN 'store-daily' END, 'Y'),
    ('date', CASE WHEN job = 'report' THEN to_char(created - interval '1 day', 'YYYY-MM-DD') END, 'Y'),
    ('run.id', id::text, 'Y'),
    ('schedule', CASE WHEN id % 5 <> 0 THEN 'nightly-' || job END, 'N'),
    ('schedule.fire', CASE WHEN id % 5 <> 0 THEN to_char(created, 'YYYY-MM-DD"T"HH24:MI:SS+08:00') END, 'N'),
    ('started.by', CASE WHEN id % 5 = 0 THEN 'api' END, 'N'),
    ('started.user', CASE WHEN id % 5 = 0 THEN 'li' END, 'N')) AS p(name, value, identifying)
WHERE value IS NOT NULL;

INSERT INTO batch_step_execution (step_execution_id, version, step_name, job_execution_id, create_time, start_time,
                                  end_time, status, commit_count, read_count, filter_count, write_count,
                                  read_skip_count, write_skip_count, process_skip_count, rollback_count, exit_code,
                                  exit_message, last_updated)
SELECT row_number() OVER (ORDER BY id, n), 3, step, id, created, created + interval '1 second',
       created + interval '1 second' + took, status, 10, 10000, 0, 10000, 0, 0, 0, 0, status, '',
       created + interval '1 second' + took
FROM run, LATERAL (
    SELECT n, CASE WHEN n = 0 THEN 'rollupQuarantineStep' WHEN n = 1 THEN 'rollupPartitionsStep'
                   WHEN n = 10 THEN 'warmUpCacheStep' ELSE 'rollupPartitionStep:partition' || (n - 2) END AS step
    FROM generate_series(0, 10) n WHERE job = 'rollup'
    UNION ALL
    SELECT n, (ARRAY['reportCheckStep', 'reportRenderStep', 'reportDeliverStep'])[n + 1]
    FROM generate_series(0, 2) n WHERE job = 'report') s;

SELECT setval('batch_job_instance_seq', :executions), setval('batch_job_execution_seq', :executions),
       setval('batch_step_execution_seq', (SELECT max(step_execution_id) FROM batch_step_execution));
COMMIT;
ANALYZE batch_job_instance, batch_job_execution, batch_job_execution_params, batch_step_execution;
