package com.nightshift.health;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** {@link HealthQueries} on a data source of a test's own (a database down, a role with few privileges). */
public final class TestHealthQueries {

    private TestHealthQueries() {
    }

    public static HealthQueries on(DataSource dataSource, Duration statementTimeout) {
        return new HealthQueries(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource),
                new HealthProperties(statementTimeout));
    }
}
