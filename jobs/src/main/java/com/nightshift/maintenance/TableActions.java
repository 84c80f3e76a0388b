package com.nightshift.maintenance;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Function;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Component;

/**
 * Runs each heavy action on a connection of its own, under the table's maintenance lock, and turns whatever
 * happens into an {@link Action}, logged with its duration: one action skipped, refused or failed never stops
 * the others. The connections do not come from the pool: a VACUUM may hold one for many minutes (which would
 * trip the pool's leak detection), and the session settings it needs must not reach the pool's next user.
 */
@Component
class TableActions {

    private static final Logger log = LoggerFactory.getLogger(TableActions.class);

    /** What an action does on its connection; returns what it found, for the action's line. */
    @FunctionalInterface
    interface Work {
        String on(MaintenanceConnection connection) throws SQLException;
    }

    private final DataSource connections;
    private final MaintenanceProperties properties;

    @Autowired
    TableActions(DataSourceProperties dataSource, MaintenanceProperties properties) {
        this(unpooled(dataSource), properties);
    }

    TableActions(DataSource connections, MaintenanceProperties properties) {
        this.connections = connections;
        this.properties = properties;
    }

    private static DataSource unpooled(DataSourceProperties properties) {
        SimpleDriverDataSource dataSource = properties.initializeDataSourceBuilder()
                .type(SimpleDriverDataSource.class).build();
        Properties connectionProperties = new Properties();
        // names maintenance in pg_stat_activity, where the sessions checks and a DBA look for who holds a lock
        connectionProperties.setProperty("ApplicationName", "nightshift maintenance");
        dataSource.setConnectionProperties(connectionProperties);
        return dataSource;
    }

    /**
     * Does {@code work} holding {@code table}'s maintenance lock, so that no other process's heavy action runs on
     * that table meanwhile; a table whose lock is held elsewhere is skipped.
     */
    Action run(String what, String table, Work work) {
        long start = System.nanoTime();
        Action action;
        try (MaintenanceConnection connection = open()) {
            if (connection.tryLockTable(table)) {
                String detail = work.on(connection);
                action = new Action(what, Action.Outcome.DONE, since(start), detail);
            } else {
                action = new Action(what, Action.Outcome.SKIPPED, since(start), "table " + table
                        + " is busy: another maintenance action holds its lock");
            }
        } catch (SQLException | RuntimeException e) {
            // one action failing (a file that cannot be deleted, a constraint) must not stop the others
            action = Action.failed(what, since(start), e);
        }
        logged(action);
        return action;
    }

    /**
     * A dry run's line for {@code what}: {@code count} read on a connection of its own. A read the role may not
     * do, or one that times out, is the action's outcome as in a real run, not a failed step.
     */
    Action wouldDo(String what, Function<JdbcOperations, String> count) {
        long start = System.nanoTime();
        try {
            return logged(Action.wouldDo(what, query(count)));
        } catch (SQLException | RuntimeException e) {
            return logged(Action.failed(what, since(start), e));
        }
    }

    /** Reads what to do, on a connection of its own under the same timeouts. */
    <T> T query(Function<JdbcOperations, T> queries) throws SQLException {
        try (MaintenanceConnection connection = open()) {
            return queries.apply(connection.jdbc());
        }
    }

    static Action logged(Action action) {
        if (action.outcome().needsAttention()) {
            log.warn("Maintenance: {}", action.line());
        } else {
            log.info("Maintenance: {}", action.line());
        }
        return action;
    }

    private MaintenanceConnection open() throws SQLException {
        MaintenanceConnection connection = new MaintenanceConnection(connections.getConnection());
        try {
            connection.limit(properties.lockTimeout().toMillis(), properties.statementTimeout().toMillis());
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
