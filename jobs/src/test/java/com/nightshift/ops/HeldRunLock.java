package com.nightshift.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * A run's lock held by "another process" (a connection of its own), so that starting the same run is refused as
 * already running, for as long as this is open.
 */
public final class HeldRunLock implements AutoCloseable {

    private final Connection connection;

    private HeldRunLock(Connection connection) {
        this.connection = connection;
    }

    public static HeldRunLock hold(String jdbcUrl, String job, Map<String, String> parameters) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", null);
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, RunKey.of(job, parameters).lockId());
            lock.execute();
            return new HeldRunLock(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
