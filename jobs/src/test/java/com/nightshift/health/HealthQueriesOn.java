package com.nightshift.health;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Check queries on a database other than the application's, e.g. as a role with table privileges only. */
public final class HealthQueriesOn {

    private HealthQueriesOn() {
    }

    public static HealthQueries dataSource(DataSource dataSource) {
        return new HealthQueries(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource),
                new HealthProperties(Duration.ofSeconds(5)));
    }
}
