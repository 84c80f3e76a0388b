package com.nightshift.schema;

import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a schema change whose statements wait at most {@code lock_timeout} for their locks, and tries it again a
 * few times when one gave up. A statement waiting for a lock on {@code orders} makes every point-of-sale write
 * queue behind it, so giving up and coming back later beats waiting for a long report to finish.
 */
final class LockRetry {

    private static final Logger log = LoggerFactory.getLogger(LockRetry.class);
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Pattern FAILED_SQL = Pattern.compile("\\[Failed SQL: \\(\\d+\\) (.*)]", Pattern.DOTALL);
    private static final Pattern INNER_STATEMENT = Pattern.compile("SQL statement \"(.*?)\"", Pattern.DOTALL);
    private static final Pattern CHANGESET = Pattern.compile("changeset [^\\s:]+::([^\\s:]+)::");
    private static final int LONGEST_STATEMENT = 300;

    interface Attempt {
        void run() throws Exception;
    }

    private final Duration lockTimeout;
    private final int attempts;
    private final Duration pause;

    LockRetry(SchemaProperties properties) {
        this.lockTimeout = properties.lockTimeout();
        this.attempts = Math.max(1, properties.lockAttempts());
        this.pause = properties.retryAfter();
    }

    /** @param statement what is run, named in the message when the failure itself does not say */
    void run(String statement, Attempt attempt) throws Exception {
        for (int attemptNumber = 1; ; attemptNumber++) {
            try {
                attempt.run();
                return;
            } catch (Exception e) {
                if (!isLockTimeout(e)) {
                    throw e;
                }
                String what = describe(e, statement);
                if (attemptNumber >= attempts) {
                    throw new SchemaNotReadyException("could not get a lock within " + lockTimeout.toMillis()
                            + " ms, " + attempts + " times, for: " + what + "; other sessions hold locks on the table: "
                            + "run 'nightshift migrate' again when it is quieter, or raise "
                            + "nightshift.schema.lock-timeout", e);
                }
                log.warn("Gave up waiting {} ms for a lock (attempt {} of {}), trying again in {}: {}",
                        lockTimeout.toMillis(), attemptNumber, attempts, pause, what);
                Thread.sleep(pause.toMillis());
            }
        }
    }

    static boolean isLockTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The statement that waited, as precisely as the failure tells, and its changeset. */
    private static String describe(Throwable failure, String fallback) {
        String statement = null;
        String changeSet = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            Matcher changeSetName = CHANGESET.matcher(message);
            if (changeSet == null && changeSetName.find()) {
                changeSet = changeSetName.group(1);
            }
            Matcher failedSql = FAILED_SQL.matcher(message);
            if (statement == null && failedSql.find()) {
                statement = failedSql.group(1);
            }
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                Matcher inner = INNER_STATEMENT.matcher(String.valueOf(server.getWhere()));
                if (inner.find()) {
                    statement = inner.group(1);
                }
            }
        }
        String named = oneLine(statement != null ? statement : fallback);
        return changeSet == null ? named : named + " (changeset " + changeSet + ")";
    }

    private static String oneLine(String statement) {
        String line = statement.strip().replaceAll("\\s+", " ");
        return line.length() <= LONGEST_STATEMENT ? line : line.substring(0, LONGEST_STATEMENT) + " ...";
    }
}
