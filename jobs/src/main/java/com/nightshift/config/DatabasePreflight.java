package com.nightshift.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Opens one connection to the configured database before any bean exists, so that an unreachable or
 * misconfigured database is reported as one line naming the address, not as a failed pool start deep
 * inside the context.
 */
public final class DatabasePreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        String url = environment.getProperty("spring.datasource.url");
        if (url == null) {
            return;
        }
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        try (Connection ignored = DriverManager.getConnection(url,
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"))) {
            // reachable: the pool takes over from here
        } catch (SQLException e) {
            throw new InfrastructureUnavailableException(
                    "cannot reach the database at " + url + ": " + e.getMessage(), e);
        }
    }
}
