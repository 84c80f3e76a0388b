package com.nightshift.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Limits on how long a job's statements may wait and run, so that a run cannot hang for ever:
 * <ul>
 * <li>{@code nightshift.ops.lock-timeout} is the session default of every pooled connection, so every statement
 * (a step's transaction, a partitioner's query outside one, Spring Batch's bookkeeping) gives up a lock wait
 * with PostgreSQL's "canceling statement due to lock timeout", and the run fails and can be resumed. A
 * transaction-level setting alone missed statements run outside a transaction, which then waited for ever.</li>
 * <li>{@code nightshift.ops.statement-timeout} is set for each transaction of the engine's transaction manager
 * (job steps, Spring Batch's bookkeeping), {@code SET LOCAL}: it ends with the transaction, and leaves the
 * migrations' index builds, which run outside it, unbounded.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class JobTransactions {

    @Bean
    static BeanPostProcessor lockTimeoutOnEveryConnection(ObjectProvider<OpsProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    String lockTimeout = "SET lock_timeout = '" + properties.getObject().lockTimeout().toMillis()
                            + "ms'";
                    String given = pool.getConnectionInitSql();
                    pool.setConnectionInitSql(given == null || given.isBlank() ? lockTimeout
                            : given + "; " + lockTimeout);
                    // With auto-commit off, Hikari runs the init statement in a transaction it leaves open unless
                    // told to isolate its own queries: every idle pooled connection then sat idle in transaction
                    // (holding back vacuum), as the health run's sessions check found in the test suite.
                    pool.setIsolateInternalQueries(true);
                }
                return bean;
            }
        };
    }

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource, OpsProperties properties) {
        String statementTimeout = properties.statementTimeout().toMillis() + "ms";
        return new JdbcTransactionManager(dataSource) {
            @Override
            protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
                    throws SQLException {
                super.prepareTransactionalConnection(connection, definition);
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT set_config('statement_timeout', ?, true)")) {
                    statement.setString(1, statementTimeout);
                    statement.execute();
                }
            }
        };
    }
}
