package com.nightshift.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The engine's transaction manager, which job steps and Spring Batch's bookkeeping use: every transaction it
 * begins carries {@code nightshift.ops.lock-timeout} and {@code nightshift.ops.statement-timeout}, so a run
 * blocked by a lock held elsewhere fails with PostgreSQL's "canceling statement due to lock timeout" (and can be
 * resumed) instead of waiting for ever. {@code SET LOCAL} semantics: the settings end with the transaction, and
 * the pooled connection goes back as it came.
 */
@Configuration(proxyBeanMethods = false)
class JobTransactions {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource, OpsProperties properties) {
        String lockTimeout = properties.lockTimeout().toMillis() + "ms";
        String statementTimeout = properties.statementTimeout().toMillis() + "ms";
        return new JdbcTransactionManager(dataSource) {
            @Override
            protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
                    throws SQLException {
                super.prepareTransactionalConnection(connection, definition);
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT set_config('lock_timeout', ?, true), set_config('statement_timeout', ?, true)")) {
                    statement.setString(1, lockTimeout);
                    statement.setString(2, statementTimeout);
                    statement.execute();
                }
            }
        };
    }
}
