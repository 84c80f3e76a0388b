package com.nightshift.health.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.TestServers;

/** Connections against max_connections, with connections of another application opened for real. */
class ConnectionsCheckTest extends IntegrationTest {

    private static final int OPENED = 10;

    @Autowired
    HealthQueries queries;
    @Autowired
    ConnectionsCheck check;
    @Autowired
    DatabaseThresholds defaults;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fewConnectionsAreOk() {
        CheckResult result = check.run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).matches("\\d+ of \\d+ connections in use \\(\\d+%\\)\\.");
    }

    @Test
    void connectionsAboveTheCritShareAreCritNamingTheApplicationsHoldingMost() throws Exception {
        List<Connection> opened = new ArrayList<>();
        try {
            int allowed = jdbc.queryForObject("SELECT current_setting('max_connections')::int "
                    + "- current_setting('superuser_reserved_connections')::int", Integer.class);
            int before = jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE backend_type = 'client backend'", Integer.class);
            for (int i = 0; i < OPENED; i++) {
                opened.add(DriverManager.getConnection(TestServers.get().jdbcUrl() + "&ApplicationName=leaky-pos",
                        "postgres", null));
            }
            // the share with our connections is above crit, without them below warn
            int critPercent = (int) Math.floor(100.0 * (before + OPENED) / allowed);
            int warnPercent = (int) Math.floor(100.0 * (before + OPENED / 2) / allowed);
            ConnectionsCheck tight = new ConnectionsCheck(queries, with(warnPercent, critPercent));

            CheckResult result = tight.run();

            assertThat(result.state()).isEqualTo(HealthState.CRIT);
            assertThat(result.message()).contains("connections in use").contains("crit at " + critPercent + "%")
                    .contains("leaky-pos as postgres: " + OPENED).contains("max_connections");
        } finally {
            for (Connection connection : opened) {
                connection.close();
            }
        }
    }

    private DatabaseThresholds with(int warnPercent, int critPercent) {
        return new DatabaseThresholds(defaults.latencyWarn(), defaults.latencyCrit(), warnPercent, critPercent,
                defaults.poolPendingWarn(), defaults.poolPendingCrit(), defaults.poolWaitWarn(),
                defaults.poolWaitCrit(), defaults.cacheHitWarnPercent(), defaults.cacheHitCritPercent(),
                defaults.cacheHitMinBlocks());
    }
}
