package com.nightshift.health;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Deletes health results older than their retention, except the latest of each check this engine runs: one that
 * has not run since (its group failing to start) keeps showing its last state, and an alert can still say since
 * when. A check renamed or removed by an upgrade is shown nowhere any more, so its results go once past retention
 * like any other rather than its last one being kept for ever.
 */
@Component
public class HealthHistoryPurge {

    private static final String OLDER = """
            FROM health_result r
            WHERE r.checked_at < ?
              AND NOT (r.check_name = ANY(?)
                       AND r.id = (SELECT l.id FROM health_result l WHERE l.check_name = r.check_name
                                   ORDER BY l.checked_at DESC, l.id DESC LIMIT 1))""";

    private final CurrentChecks checks;

    public HealthHistoryPurge(CurrentChecks checks) {
        this.checks = checks;
    }

    /** How many results a purge would delete. */
    public long count(JdbcOperations jdbc, Instant before) {
        return jdbc.queryForObject("SELECT count(*) " + OLDER, Long.class, at(before), current());
    }

    /** Deletes them; returns how many. */
    public long purge(JdbcOperations jdbc, Instant before) {
        return jdbc.update("DELETE FROM health_result WHERE id IN (SELECT r.id " + OLDER + ")", at(before),
                current());
    }

    private String[] current() {
        return checks.names().toArray(String[]::new);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
