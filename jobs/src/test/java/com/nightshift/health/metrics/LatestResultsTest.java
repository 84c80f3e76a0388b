package com.nightshift.health.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.CurrentChecks;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthHistory;
import com.nightshift.health.HealthHistoryOn;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.nightshift.health.StoredResult;
import com.nightshift.health.TestHealthQueries;
import com.nightshift.support.DatabaseRoles;
import com.nightshift.support.Migrations;
import com.nightshift.support.TestServers;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Reading the latest results for the metrics from a database of its own, which the tests can take down. */
class LatestResultsTest {

    private static final Duration READ = Duration.ofSeconds(10);

    private final List<LatestResults> made = new ArrayList<>();

    @AfterEach
    void stopTheirReaders() {
        made.forEach(LatestResults::destroy);
    }

    private static final HealthCheck LATENCY = new HealthCheck() {
        @Override
        public String name() {
            return "database.latency";
        }

        @Override
        public CheckGroup group() {
            return CheckGroup.DATABASE;
        }

        @Override
        public CheckResult run() {
            return new CheckResult(name(), group(), HealthState.OK, "fast", List.of());
        }
    };

    @Test
    void aDatabaseThatStopsAnsweringLeavesTheResultsReadBeforeAndCountsTheFailure() {
        String database = migratedDatabase();
        HealthHistory history = historyWith(database, HealthState.WARN);
        MeterRegistry registry = new SimpleMeterRegistry();
        LatestResults latest = latestResults(database, history, Duration.ZERO, registry);
        await().atMost(READ).until(() -> states(latest), List.of(HealthState.WARN)::equals);

        refuseConnections(database, true);
        try {
            await().atMost(READ).until(() -> {
                latest.get();
                return registry.get("nightshift.health.metrics.read.failures").counter().count() > 0;
            });
            assertThat(states(latest)).containsExactly(HealthState.WARN);
        } finally {
            refuseConnections(database, false);
        }
    }

    @Test
    void aScrapeDoesNotWaitForAReadStuckOnTheDatabase() throws Exception {
        String database = migratedDatabase();
        HealthHistory history = historyWith(database, HealthState.OK);
        LatestResults latest = latestResults(database, history, Duration.ZERO, new SimpleMeterRegistry());
        await().atMost(READ).until(() -> states(latest), List.of(HealthState.OK)::equals);

        try (Connection locker = DatabaseRoles.as("postgres", database).getConnection()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE health_result IN ACCESS EXCLUSIVE MODE");
            }
            latest.get();
            await().atMost(READ).until(() -> readsWaitingForALock(database) > 0);

            List<HealthState> states = states(latest);

            assertThat(states).containsExactly(HealthState.OK);
            assertThat(readsWaitingForALock(database)).as("the read still waits: the scrape did not wait for it")
                    .isPositive();
            locker.rollback();
        }
    }

    @Test
    void resultsAreReadAgainOnlyOnceOlderThanTheMaxAge() {
        String database = migratedDatabase();
        HealthHistory history = historyWith(database, HealthState.OK);
        LatestResults latest = latestResults(database, history, Duration.ofHours(1), new SimpleMeterRegistry());
        await().atMost(READ).until(() -> states(latest), List.of(HealthState.OK)::equals);

        history.record(null, result(HealthState.CRIT), Duration.ZERO);

        await().during(Duration.ofSeconds(1)).atMost(READ).until(() -> states(latest),
                List.of(HealthState.OK)::equals);
    }

    private static HealthHistory historyWith(String database, HealthState state) {
        HealthHistory history = HealthHistoryOn.dataSource(DatabaseRoles.as("postgres", database));
        history.record(null, result(state), Duration.ofMillis(150));
        return history;
    }

    private static CheckResult result(HealthState state) {
        return new CheckResult("database.latency", CheckGroup.DATABASE, state, "round trip",
                List.of(new Measurement("round_trip", 150, 100.0, 1000.0, "ms")));
    }

    private LatestResults latestResults(String database, HealthHistory history, Duration maxAge,
                                        MeterRegistry registry) {
        LatestResults latest = new LatestResults(history, TestHealthQueries.on(DatabaseRoles.as("postgres",
                database), Duration.ofSeconds(5)), new CurrentChecks(List.of(LATENCY)),
                new HealthMetricsProperties(maxAge), registry);
        made.add(latest);
        return latest;
    }

    private static List<HealthState> states(LatestResults latest) {
        return latest.get().stream().map(StoredResult::state).toList();
    }

    private static long readsWaitingForALock(String database) {
        return new JdbcTemplate(DatabaseRoles.as("postgres", database)).queryForObject("""
                SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                  AND wait_event_type = 'Lock' AND query LIKE '%health_result%'""", Long.class);
    }

    private static String migratedDatabase() {
        String database = TestServers.get().newDatabase("health_metrics");
        Migrations.apply(database);
        return database;
    }

    /** New connections to the database are refused by the server, as when it is down. */
    private static void refuseConnections(String database, boolean refuse) {
        String name = database.substring(database.lastIndexOf('/') + 1, database.indexOf('?'));
        new JdbcTemplate(DatabaseRoles.as("postgres", TestServers.get().jdbcUrl()))
                .execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + !refuse);
    }
}
