package com.nightshift.health.alerts;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import com.nightshift.health.HealthState;

/**
 * The table {@code health_alert}: what each check's people were last told, and the alerts decided, each with the
 * delivery key of its letter. Written only inside a decision's transaction (see {@link AlertDecisions}).
 */
@Component
class AlertHistory {

    /** Two-int advisory lock keys do not overlap with the runs' bigint ones; "NSHA". */
    private static final int LOCK_CLASS = 0x4e53_4841;

    private final JdbcTemplate jdbc;

    AlertHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes deciders take turns until the transaction ends, across processes: the one that waited reads what the
     * other decided, and finds nothing left to tell.
     */
    void lockUntilCommit() {
        jdbc.query("SELECT pg_advisory_xact_lock(?, 0)", (RowCallbackHandler) row -> { }, LOCK_CLASS);
    }

    /** What was last told about each check, by check name. */
    Map<String, LastAlert> lastTold() {
        Map<String, LastAlert> told = new HashMap<>();
        jdbc.query("SELECT DISTINCT ON (check_name) check_name, state, since, decided_at FROM health_alert "
                + "ORDER BY check_name, id DESC", (RowCallbackHandler) row -> told.put(row.getString(1),
                new LastAlert(HealthState.valueOf(row.getString(2)), row.getTimestamp(3).toInstant(),
                        row.getTimestamp(4).toInstant())));
        return told;
    }

    /** A delivery key no decision has used: {@code health-alert:<n>}. */
    String newDeliveryKey() {
        return "health-alert:" + jdbc.queryForObject("SELECT nextval('health_alert_letter')", Long.class);
    }

    void add(String deliveryKey, Long jobExecutionId, Collection<Alert> alerts) {
        jdbc.batchUpdate("INSERT INTO health_alert (job_execution_id, delivery_key, check_name, kind, state, "
                + "previous_state, since, result_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", alerts.stream()
                .map(alert -> new Object[] {jobExecutionId, deliveryKey, alert.check(), alert.kind().name(),
                        alert.state().name(), alert.previous().name(), Timestamp.from(alert.since()),
                        alert.result().id()}).toList());
    }

    /** The delivery keys of alerts decided within {@code age}, oldest first. */
    List<String> keysWithin(Duration age) {
        return jdbc.queryForList("SELECT delivery_key FROM health_alert "
                + "WHERE decided_at > now() - ? * interval '1 millisecond' GROUP BY delivery_key ORDER BY min(id)",
                String.class, age.toMillis());
    }
}
