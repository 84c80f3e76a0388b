package com.nightshift.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator actions recorded since it was taken: asserts that one action left exactly one row, as the API, the
 * console and the command line each record it, so that a doubled record (or none) fails where the newest row alone
 * would pass.
 */
public final class AuditTrail {

    private final JdbcTemplate jdbc;
    private final long last;

    private AuditTrail(JdbcTemplate jdbc, long last) {
        this.jdbc = jdbc;
        this.last = last;
    }

    /** The trail from now on: taken before the action. */
    public static AuditTrail since(JdbcTemplate jdbc) {
        return new AuditTrail(jdbc, jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM operator_action",
                Long.class));
    }

    /** Exactly one action recorded since, by {@code user}, with this action, target, status and outcome. */
    public void recordedOnce(String user, String action, String target, int status, String outcome) {
        List<Map<String, Object>> recorded = jdbc.queryForList("SELECT user_name, action, target, status, outcome "
                + "FROM operator_action WHERE id > ? ORDER BY id", last);
        assertThat(recorded).as("actions recorded since").hasSize(1);
        assertThat(recorded.get(0)).containsEntry("user_name", user).containsEntry("action", action)
                .containsEntry("target", target).containsEntry("status", status).containsEntry("outcome", outcome);
    }
}
