package com.nightshift.maintenance;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * One thing the maintenance job did, would do, or could not do, as a line of its exit message and its log.
 *
 * @param what     the action, e.g. {@code VACUUM (ANALYZE) orders}
 * @param outcome  how it went
 * @param took     how long it took (zero for a dry run)
 * @param detail   what it found or why it was skipped, e.g. {@code 18000 dead rows}
 */
record Action(String what, Outcome outcome, Duration took, String detail) {

    /** How an action went. Only {@link #FAILED} is unexpected: every other outcome is the job doing its work. */
    enum Outcome {
        DONE("done"),
        WOULD_DO("would do"),
        /** The table was busy (another heavy action, a lock held past the lock timeout) or the statement timed out. */
        SKIPPED("skipped"),
        /** The database role may not do it (not the table's owner, no privilege). */
        NOT_PERMITTED("not permitted"),
        FAILED("failed");

        private final String words;

        Outcome(String words) {
            this.words = words;
        }

        /** Whether a person should look at it: logged as a WARN. */
        boolean needsAttention() {
            return this == SKIPPED || this == NOT_PERMITTED || this == FAILED;
        }
    }

    static Action wouldDo(String what, String detail) {
        return new Action(what, Outcome.WOULD_DO, Duration.ZERO, detail);
    }

    /**
     * What a statement's failure means for its action, from PostgreSQL's SQLSTATE: a lock or statement timeout
     * and a cancelled statement skip it, a privilege error is not permitted, anything else failed.
     */
    static Action failed(String what, Duration took, Throwable failure) {
        SQLException cause = sqlCause(failure);
        String state = cause == null || cause.getSQLState() == null ? "" : cause.getSQLState();
        String message = (cause == null ? failure : cause).getMessage();
        return switch (state) {
            case "55P03" -> new Action(what, Outcome.SKIPPED, took, "a lock was held elsewhere past the lock timeout"
                    + " (nightshift.maintenance.lock-timeout): " + message);
            case "57014" -> new Action(what, Outcome.SKIPPED, took, "cancelled at the statement timeout"
                    + " (nightshift.maintenance.statement-timeout): " + message);
            case "42501" -> new Action(what, Outcome.NOT_PERMITTED, took, message
                    + "; run maintenance as the tables' owner (the role that migrates) or grant it");
            default -> new Action(what, Outcome.FAILED, took, message);
        };
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** e.g. {@code VACUUM (ANALYZE) orders: done in 1.2 s (18000 dead rows)}. */
    String line() {
        String duration = outcome == Outcome.WOULD_DO ? ""
                : String.format(Locale.ROOT, " in %.1f s", took.toMillis() / 1000.0);
        return what + ": " + outcome.words + duration + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
