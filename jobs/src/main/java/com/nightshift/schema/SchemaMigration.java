package com.nightshift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.integration.spring.SpringResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Nightshift's schema: applying the changelog ({@code nightshift migrate}), and checking at start-up that it has
 * been applied. Around Liquibase's update it adds what a live {@code orders} table needs: its columns' types are
 * checked before anything is changed, every statement waits at most {@code lock_timeout} for its locks (and is
 * tried again a few times), and an index that a failed concurrent build left invalid is built again rather than
 * kept for ever by {@code IF NOT EXISTS}.
 */
public class SchemaMigration {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);
    /** Advisory lock key ("NSMIGRAT") that lets one migration run at a time, released if its process dies. */
    private static final long MIGRATION_LOCK = 0x4E534D4947524154L;

    private final DataSource dataSource;
    private final SchemaProperties properties;
    private final ResourceLoader resourceLoader;

    SchemaMigration(DataSource dataSource, SchemaProperties properties, ResourceLoader resourceLoader) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.resourceLoader = resourceLoader;
    }

    /**
     * Applies the pending changesets and rebuilds invalid indexes.
     *
     * @throws SchemaNotReadyException when {@code orders} cannot be read exactly (nothing is changed then) or a
     *                                 statement could not get its locks
     */
    public MigrationResult migrate() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            JdbcTemplate jdbc = on(connection);
            jdbc.query("SELECT pg_advisory_lock(?)", rs -> { }, MIGRATION_LOCK);
            try {
                OrdersColumns.requireReadable(jdbc);
                return withMigrationTimeouts(connection, () -> {
                    LockRetry retry = new LockRetry(properties);
                    List<ChangeSet> pending = liquibase(connection)
                            .listUnrunChangeSets(new Contexts(), new LabelExpression());
                    // Liquibase itself logs at WARN only (application.yml): its INFO output is mostly chatter
                    pending.forEach(changeSet -> log.info("Applying changeset {}", changeSet.toString(false)));
                    retry.run("the changelog " + properties.changeLog(), () -> update(connection));
                    List<String> rebuilt = rebuildInvalidIndexes(connection, retry);
                    log.info("Schema up to date: {} changesets applied, invalid indexes built again: {}",
                            pending.size(), rebuilt);
                    return new MigrationResult(pending.size(), rebuilt);
                });
            } finally {
                // each clean-up step runs even if the one before failed: a pooled connection must not keep the lock
                try {
                    endTransaction(connection);
                } finally {
                    jdbc.query("SELECT pg_advisory_unlock(?)", rs -> { }, MIGRATION_LOCK);
                }
            }
        } catch (SchemaNotReadyException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the schema migration failed: " + e.getMessage(), e);
        }
    }

    /**
     * Checks, without changing anything, that the engine can use the database as it is.
     *
     * @throws SchemaNotReadyException saying what is wrong and what to do, one line per problem
     */
    public void requireCurrent() {
        try (Connection connection = dataSource.getConnection()) {
            JdbcTemplate jdbc = on(connection);
            OrdersColumns.requireReadable(jdbc);
            Liquibase liquibase = liquibase(connection);
            int pending = pendingChangeSets(jdbc, liquibase);
            if (pending > 0) {
                throw new SchemaNotReadyException("the database's schema is behind this version of Nightshift: "
                        + pending + (pending == 1 ? " changeset is" : " changesets are")
                        + " pending; run 'nightshift migrate'");
            }
            Set<String> invalid = InvalidIndexes.among(DeclaredIndexes.of(liquibase), jdbc).names();
            if (!invalid.isEmpty()) {
                throw new SchemaNotReadyException("invalid index " + String.join(", ", invalid)
                        + " (a concurrent build failed); run 'nightshift migrate' to build it again");
            }
        } catch (SchemaNotReadyException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot check the database's schema: " + e.getMessage(), e);
        }
    }

    /**
     * The names of the indexes the changelog creates and has not dropped since, for the health check that each
     * exists and is valid. Read from the changelog itself rather than kept in a second list that a new changeset
     * could forget.
     */
    public Set<String> declaredIndexes() {
        try (Connection connection = dataSource.getConnection()) {
            return DeclaredIndexes.standing(liquibase(connection));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the changelog's indexes: " + e.getMessage(), e);
        }
    }

    /**
     * Changesets not recorded as applied, counted without Liquibase's own bookkeeping: that would create its
     * tables and take its lock, and a check must change nothing.
     */
    private static int pendingChangeSets(JdbcTemplate jdbc, Liquibase liquibase) throws Exception {
        Set<String> applied = new HashSet<>();
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass('databasechangelog') IS NOT NULL",
                Boolean.class))) {
            applied.addAll(jdbc.queryForList("SELECT id || '::' || author || '::' || filename FROM databasechangelog",
                    String.class));
        }
        return (int) liquibase.getDatabaseChangeLog().getChangeSets().stream()
                .filter(changeSet -> !applied.contains(changeSet.getId() + "::" + changeSet.getAuthor() + "::"
                        + changeSet.getStoredFilePath()))
                .count();
    }

    private void update(Connection connection) throws Exception {
        Liquibase liquibase = liquibase(connection);
        // Liquibase would print its summary on standard output, which belongs to the command's own lines
        liquibase.setShowSummary(UpdateSummaryEnum.OFF);
        liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
        Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()),
                () -> liquibase.update(new Contexts(), new LabelExpression()));
    }

    private List<String> rebuildInvalidIndexes(Connection connection, LockRetry retry) throws Exception {
        Set<String> declared = DeclaredIndexes.of(liquibase(connection));
        // after Liquibase has had the connection: concurrent index builds cannot run in a transaction
        endTransaction(connection);
        return InvalidIndexes.among(declared, on(connection)).rebuild(retry);
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    /**
     * Statements wait at most {@code lock_timeout} for a lock; an index build may take as long as it takes.
     * The connection goes back to the pool with the settings it came with.
     */
    private <T> T withMigrationTimeouts(Connection connection, Work<T> work) throws Exception {
        JdbcTemplate jdbc = on(connection);
        String lockTimeout = jdbc.queryForObject("SELECT current_setting('lock_timeout')", String.class);
        String statementTimeout = jdbc.queryForObject("SELECT current_setting('statement_timeout')", String.class);
        setting(jdbc, "lock_timeout", properties.lockTimeout().toMillis() + "ms");
        setting(jdbc, "statement_timeout", "0");
        try {
            return work.run();
        } finally {
            try {
                endTransaction(connection);
            } finally {
                try {
                    setting(jdbc, "lock_timeout", lockTimeout);
                } finally {
                    setting(jdbc, "statement_timeout", statementTimeout);
                }
            }
        }
    }

    private static void setting(JdbcTemplate jdbc, String name, String value) {
        jdbc.query("SELECT set_config(?, ?, false)", rs -> { }, name, value);
    }

    /** Liquibase leaves the connection in manual commit, possibly in a failed transaction. */
    private static void endTransaction(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private Liquibase liquibase(Connection connection) throws Exception {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        return new Liquibase(properties.changeLog(), new SpringResourceAccessor(resourceLoader), database);
    }

    private static JdbcTemplate on(Connection connection) {
        return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }
}
