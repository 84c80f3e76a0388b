package com.nightshift.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One held lock: its connection, and the execution that runs under it once known. */
final class RunLock {

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);

    private final RunKey key;
    private final Connection connection;
    private volatile Long execution;

    private RunLock(RunKey key, Connection connection) {
        this.key = key;
        this.connection = connection;
    }

    static RunLock tryTake(DataSource connections, RunKey key) {
        Connection connection = null;
        try {
            connection = connections.getConnection();
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, key.lockId());
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return new RunLock(key, connection);
                    }
                }
            }
            connection.close();
            return null;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot take the run lock of " + key + ": " + e.getMessage(), e);
        }
    }

    RunKey key() {
        return key;
    }

    Optional<Long> execution() {
        return Optional.ofNullable(execution);
    }

    /**
     * Ties the lock to the execution that runs under it. False when it already belongs to another one: then
     * a second start of the same run in this process is trying to use the first one's lock.
     */
    synchronized boolean attach(long executionId) {
        if (execution != null && execution != executionId) {
            return false;
        }
        execution = executionId;
        return true;
    }

    synchronized boolean stillHeld() {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
                               AND pid = pg_backend_pid() AND objsubid = 1
                               AND ((classid::bigint << 32) | objid::bigint) = ?)
                """)) {
            statement.setLong(1, key.lockId());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Unlocks, then ends the session. The unlock is what makes the run free by the time this returns: a closed
     * session's backend lets go of its locks only as it exits, a moment later, and a start of the same run in
     * that moment would be refused. Should the unlock fail, ending the session still releases the lock.
     */
    synchronized void close() {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, key.lockId());
            statement.execute();
        } catch (SQLException e) {
            log.warn("Unlocking run {} failed; its lock goes with its session: {}", key, e.getMessage());
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Closing a run lock connection failed; PostgreSQL releases its lock when it notices: {}",
                    e.getMessage());
        }
    }
}
