package com.nightshift.health;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Deletes health results older than their retention, except each check's latest: a check that has not run since
 * (removed, or its group failing to start) keeps showing its last state, and an alert can still say since when.
 */
@Component
public class HealthHistoryPurge {

    private static final String OLDER = """
            FROM health_result r
            WHERE r.checked_at < ?
              AND r.id <> (SELECT l.id FROM health_result l WHERE l.check_name = r.check_name
                           ORDER BY l.checked_at DESC, l.id DESC LIMIT 1)""";

    /** How many results a purge would delete. */
    public long count(JdbcOperations jdbc, Instant before) {
        return jdbc.queryForObject("SELECT count(*) " + OLDER, Long.class, at(before));
    }

    /** Deletes them; returns how many. */
    public long purge(JdbcOperations jdbc, Instant before) {
        return jdbc.update("DELETE FROM health_result WHERE id IN (SELECT r.id " + OLDER + ")", at(before));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
