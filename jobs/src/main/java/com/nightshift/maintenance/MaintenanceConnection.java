package com.nightshift.maintenance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One action's own connection, in auto-commit (VACUUM and REINDEX CONCURRENTLY refuse to run in a transaction),
 * with the maintenance lock and statement timeouts set for the session, and the per-table advisory lock that
 * keeps two heavy actions off one table across processes. Closing it ends the session, which also frees the
 * lock if an action could not.
 */
final class MaintenanceConnection implements AutoCloseable {

    /** First key of the two-key advisory locks on tables ("NSMT"); nothing else in Nightshift takes it. */
    static final int TABLE_LOCK_CLASS = 0x4E534D54;

    private final Connection connection;

    MaintenanceConnection(Connection connection) {
        this.connection = connection;
    }

    /** Sets the session's timeouts; on failure the caller still closes it. */
    void limit(long lockTimeoutMillis, long statementTimeoutMillis) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = " + lockTimeoutMillis);
            statement.execute("SET statement_timeout = " + statementTimeoutMillis);
        }
    }

    /**
     * Takes the table's maintenance lock unless another session holds it; the lock lasts until the connection
     * closes. An unknown table (dropped meanwhile) cannot be locked either.
     */
    boolean tryLockTable(String table) {
        Boolean taken = jdbc().queryForObject("SELECT pg_try_advisory_lock(?, to_regclass(?)::oid::int)",
                Boolean.class, TABLE_LOCK_CLASS, table);
        return Boolean.TRUE.equals(taken);
    }

    /** Runs one statement outside any transaction. */
    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The session for queries, each committing on its own. */
    JdbcOperations jdbc() {
        return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    /** Runs {@code work} in one transaction on this session (a purge's deletes are all or nothing). */
    <T> T inTransaction(Function<JdbcOperations, T> work) {
        SingleConnectionDataSource session = new SingleConnectionDataSource(connection, true);
        return new TransactionTemplate(new DataSourceTransactionManager(session))
                .execute(status -> work.apply(new JdbcTemplate(session)));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
