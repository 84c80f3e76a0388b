package com.nightshift.health;

import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a check's queries on one pooled connection, read-only, under the run's statement timeout
 * ({@code SET LOCAL}, so the setting ends with the transaction and never leaks to the pool's next user).
 */
@Component
public class HealthQueries {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final long timeoutMillis;

    HealthQueries(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, HealthProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.timeoutMillis = properties.statementTimeout().toMillis();
    }

    /** The queries' answer; a query over the timeout throws (the check turns that into its result). */
    public <T> T read(Function<JdbcTemplate, T> queries) {
        return transactions.execute(status -> {
            jdbc.execute("SET LOCAL statement_timeout = " + timeoutMillis);
            return queries.apply(jdbc);
        });
    }
}
