package com.nightshift.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Deletes letters whose last change is older than the retention, a letter together with its resends, and only
 * when none of them is still to be sent (PENDING, SENDING, RETRYING): a letter in flight is never forgotten.
 * Once a letter is gone its key is free again, so a report re-run for a period that old would mail again.
 */
@Component
public class DeliveryLedgerPurge {

    /** The first letters (not resends) whose whole family is settled and older than the cutoff. */
    private static final String SETTLED = """
            FROM delivery l
            WHERE l.resend_of IS NULL
              AND NOT EXISTS (SELECT 1 FROM delivery m WHERE (m.id = l.id OR m.resend_of = l.id)
                              AND (m.updated_at >= ? OR m.state IN ('PENDING', 'SENDING', 'RETRYING')))""";

    /** How many ledger rows (letters and resends) a purge would delete. */
    public long count(JdbcOperations jdbc, Instant before) {
        return jdbc.queryForObject("SELECT count(*) FROM delivery WHERE coalesce(resend_of, id) IN (SELECT l.id "
                + SETTLED + ")", Long.class, at(before));
    }

    /** Deletes them, resends before the letters they refer to; to be called in a transaction. */
    public long purge(JdbcOperations jdbc, Instant before) {
        // locked, so a resend requested meanwhile waits and then finds its letter gone rather than orphaned
        List<Long> letters = jdbc.queryForList("SELECT l.id " + SETTLED + " FOR UPDATE OF l", Long.class,
                at(before));
        Long[] ids = letters.toArray(Long[]::new);
        int resends = jdbc.update("DELETE FROM delivery WHERE resend_of = ANY(?)", (Object) ids);
        return resends + jdbc.update("DELETE FROM delivery WHERE id = ANY(?)", (Object) ids);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
