package com.nightshift.maintenance;

import org.springframework.jdbc.core.JdbcTemplate;

/** Rows of each purged kind, dated as a test needs, written as the application would have left them. */
final class OldRows {

    private final JdbcTemplate jdbc;

    OldRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A job instance with one execution of {@code status} created {@code daysAgo}, with a step, contexts, params. */
    long batchRun(String status, int daysAgo) {
        long instance = jdbc.queryForObject("INSERT INTO batch_job_instance (job_instance_id, version, job_name, "
                + "job_key) VALUES (nextval('batch_job_instance_seq'), 0, 'rollup', md5(random()::text)) "
                + "RETURNING job_instance_id", Long.class);
        execution(instance, status, daysAgo);
        return instance;
    }

    /** Another execution of the instance (a restart). */
    void execution(long instance, String status, int daysAgo) {
        long execution = jdbc.queryForObject("INSERT INTO batch_job_execution (job_execution_id, version, "
                + "job_instance_id, create_time, start_time, end_time, status, exit_code, last_updated) VALUES "
                + "(nextval('batch_job_execution_seq'), 1, ?, localtimestamp - make_interval(days => ?), "
                + "localtimestamp - make_interval(days => ?), NULL, ?, 'UNKNOWN', localtimestamp) "
                + "RETURNING job_execution_id", Long.class, instance, daysAgo, daysAgo, status);
        jdbc.update("INSERT INTO batch_job_execution_params (job_execution_id, parameter_name, parameter_type, "
                + "parameter_value, identifying) VALUES (?, 'mode', 'java.lang.String', 'full', 'Y')", execution);
        jdbc.update("INSERT INTO batch_job_execution_context (job_execution_id, short_context) VALUES (?, '{}')",
                execution);
        long step = jdbc.queryForObject("INSERT INTO batch_step_execution (step_execution_id, version, step_name, "
                + "job_execution_id, create_time, status) VALUES (nextval('batch_step_execution_seq'), 1, "
                + "'rollupStep', ?, localtimestamp - make_interval(days => ?), ?) RETURNING step_execution_id",
                Long.class, execution, daysAgo, status);
        jdbc.update("INSERT INTO batch_step_execution_context (step_execution_id, short_context) VALUES (?, '{}')",
                step);
    }

    /** How many rows of each Spring Batch table still belong to the instance, in FK order, summed. */
    long batchRowsOf(long instance) {
        return jdbc.queryForObject("""
                WITH e AS (SELECT job_execution_id FROM batch_job_execution WHERE job_instance_id = ?),
                     s AS (SELECT step_execution_id FROM batch_step_execution WHERE job_execution_id IN
                           (SELECT job_execution_id FROM e))
                SELECT (SELECT count(*) FROM batch_job_instance WHERE job_instance_id = ?)
                     + (SELECT count(*) FROM e)
                     + (SELECT count(*) FROM batch_job_execution_params WHERE job_execution_id IN (SELECT * FROM e))
                     + (SELECT count(*) FROM batch_job_execution_context WHERE job_execution_id IN (SELECT * FROM e))
                     + (SELECT count(*) FROM s)
                     + (SELECT count(*) FROM batch_step_execution_context WHERE step_execution_id IN (SELECT * FROM s))
                """, Long.class, instance, instance);
    }

    long healthResult(String check, int daysAgo) {
        return jdbc.queryForObject("INSERT INTO health_result (check_name, check_group, state, message, checked_at, "
                + "took_ms) VALUES (?, 'TABLES', 'OK', 'fine', now() - make_interval(days => ?), 1) RETURNING id",
                Long.class, check, daysAgo);
    }

    /** A first letter (not a resend) last changed {@code daysAgo}. */
    long letter(String key, String state, int daysAgo) {
        return jdbc.queryForObject("INSERT INTO delivery (delivery_key, revision, email, subject, body, message_id, "
                + "state, created_at, updated_at) VALUES (?, 0, 'a@example.com', 's', 'b', md5(random()::text), ?, "
                + "now() - make_interval(days => ?), now() - make_interval(days => ?)) RETURNING id", Long.class,
                key, state, daysAgo, daysAgo);
    }

    long resend(long letter, String state, int daysAgo) {
        return jdbc.queryForObject("INSERT INTO delivery (delivery_key, revision, email, subject, body, message_id, "
                + "state, created_at, updated_at, resend_of, requested_by) SELECT delivery_key, revision, email, "
                + "subject, body, md5(random()::text), ?, now() - make_interval(days => ?), now() - make_interval("
                + "days => ?), id, 'ops' FROM delivery WHERE id = ? RETURNING id", Long.class, state, daysAgo,
                daysAgo, letter);
    }

    /** An archived report whose files are {@code <base>.pdf} and {@code <base>.xlsx}, archived {@code daysAgo}. */
    long report(String base, int daysAgo) {
        return jdbc.queryForObject("INSERT INTO report_archive (report_name, scope, subject, period_key, language, "
                + "version, figures_digest, orders, lines, quantity, gross_amount, refund_amount, net_amount, "
                + "pdf_path, pdf_sha256, pdf_size, xlsx_path, xlsx_sha256, xlsx_size, rendering_execution_id, "
                + "data_as_of, data_as_of_execution_id, archived_at) VALUES ('store-daily', 'STORE_DAY', ?, "
                + "'2025-01-01', 'zh-CN', 1, 'd', 1, 1, 1, 1, 0, 1, ?, 'x', 1, ?, 'x', 1, 1, now(), 1, "
                + "now() - make_interval(days => ?)) RETURNING id", Long.class, base, base + ".pdf", base + ".xlsx",
                daysAgo);
    }

    /** Says that the letter carries the report, as the report job records it. */
    void carries(String key, long report) {
        jdbc.update("INSERT INTO report_letter_content (delivery_key, email, revision, archive_id) "
                + "VALUES (?, 'a@example.com', 0, ?)", key, report);
    }

    boolean exists(String table, long id) {
        return jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = ?)", Boolean.class, id);
    }
}
