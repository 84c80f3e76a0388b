package com.nightshift.health;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/** The health history of a database other than the application's, e.g. one a test takes down. */
public final class HealthHistoryOn {

    private HealthHistoryOn() {
    }

    public static HealthHistory dataSource(DataSource dataSource) {
        return new HealthHistory(new JdbcTemplate(dataSource));
    }
}
