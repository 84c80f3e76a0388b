package com.nightshift.health.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthQueriesOn;
import com.nightshift.health.HealthState;
import com.nightshift.support.DatabaseRoles;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.TestServers;

/** The session checks against sessions really left open, running and blocked on the embedded PostgreSQL. */
class SessionChecksTest extends IntegrationTest {

    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Duration HOUR = Duration.ofHours(1);

    @Autowired
    HealthQueries queries;

    private final ExecutorService background = Executors.newCachedThreadPool();

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void aSessionIdleInTransactionPastTheWarningIsWarnAndNamed() throws Exception {
        try (Connection leaky = session("leaky-app")) {
            int pid = pid(leaky);
            leaveTransactionOpen(leaky);
            IdleInTransactionCheck check = new IdleInTransactionCheck(queries, thresholds(SHORT, HOUR));

            CheckResult result = await().atMost(Duration.ofSeconds(10)).until(check::run,
                    r -> r.state() == HealthState.WARN);

            assertThat(result.message()).contains("pid " + pid, "application 'leaky-app'", "user 'postgres'",
                    "idle in transaction for", "SELECT 42 AS leaked_answer", "pg_terminate_backend");
        }
    }

    @Test
    void aSessionIdleInTransactionPastTheCriticalAgeIsCrit() throws Exception {
        try (Connection leaky = session("leaky-app")) {
            leaveTransactionOpen(leaky);
            IdleInTransactionCheck check = new IdleInTransactionCheck(queries,
                    thresholds(Duration.ofMillis(100), Duration.ofMillis(500)));

            CheckResult result = await().atMost(Duration.ofSeconds(10)).until(check::run,
                    r -> r.state() == HealthState.CRIT);

            assertThat(result.values()).anyMatch(v -> v.name().equals("oldest") && v.value() >= 0.5);
        }
    }

    @Test
    void aTransactionYoungerThanTheThresholdIsOk() throws Exception {
        try (Connection leaky = session("leaky-app")) {
            leaveTransactionOpen(leaky);

            CheckResult result = new IdleInTransactionCheck(queries, thresholds(HOUR, HOUR)).run();

            assertThat(result.state()).isEqualTo(HealthState.OK);
            assertThat(result.message()).startsWith("no sessions idle in transaction");
        }
    }

    @Test
    void aLongQueryIsWarnAndNamed() throws Exception {
        try (Connection slow = session("slow-report")) {
            int pid = pid(slow);
            Future<?> sleeping = run(slow, "SELECT pg_sleep(60) AS slow_report");
            try {
                LongQueryCheck check = new LongQueryCheck(queries, thresholds(SHORT, HOUR));

                CheckResult result = await().atMost(Duration.ofSeconds(10)).until(check::run,
                        r -> r.state() == HealthState.WARN);

                assertThat(result.message()).contains("pid " + pid, "application 'slow-report'", "running for",
                        "SELECT pg_sleep(60) AS slow_report", "pg_cancel_backend");
            } finally {
                cancel(pid, sleeping);
            }
        }
    }

    @Test
    void noLongQueryIsOk() {
        CheckResult result = new LongQueryCheck(queries, thresholds(HOUR, HOUR)).run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
    }

    @Test
    void aQueryWaitingForAnotherSessionsLockIsWarnAndNamesTheBlocker() throws Exception {
        try (Connection holder = session("lock-holder"); Connection waiter = session("lock-waiter")) {
            int holderPid = pid(holder);
            int waiterPid = pid(waiter);
            try (Statement statement = holder.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(4242)");
            }
            Future<?> waiting = run(waiter, "SELECT pg_advisory_lock(4242) AS waiting_for_the_lock");
            try {
                BlockedQueryCheck check = new BlockedQueryCheck(queries, thresholds(SHORT, HOUR));

                CheckResult result = await().atMost(Duration.ofSeconds(10)).until(check::run,
                        r -> r.state() == HealthState.WARN);

                assertThat(result.message()).contains("pid " + waiterPid, "application 'lock-waiter'",
                        "on pid " + holderPid, "waiting_for_the_lock");
            } finally {
                cancel(waiterPid, waiting);
            }
        }
    }

    @Test
    void noBlockedQueryIsOk() {
        CheckResult result = new BlockedQueryCheck(queries, thresholds(SHORT, HOUR)).run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
    }

    @Test
    void aRoleThatCannotSeeOtherSessionsSaysSoInsteadOfFindingNothing() {
        String database = DatabaseRoles.leastPrivilegeDatabase("health_sessions");
        HealthQueries asApplication = HealthQueriesOn.dataSource(DatabaseRoles.as(DatabaseRoles.APPLICATION,
                database));

        CheckResult result = new IdleInTransactionCheck(asApplication, thresholds(SHORT, HOUR)).run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).startsWith("could not check")
                .contains("'" + DatabaseRoles.APPLICATION + "'", "GRANT pg_read_all_stats");
    }

    private static SessionThresholds thresholds(Duration warn, Duration crit) {
        return new SessionThresholds(warn, crit, warn, crit, warn, crit);
    }

    private static Connection session(String application) throws SQLException {
        Connection connection = DriverManager.getConnection(TestServers.get().jdbcUrl());
        connection.setClientInfo("ApplicationName", application);
        return connection;
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Starts a transaction, runs one query in it and leaves it open: the leak. */
    private static void leaveTransactionOpen(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 42 AS leaked_answer");
        }
    }

    private Future<?> run(Connection connection, String sql) {
        return background.submit(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }

    /** Ends a statement left running by the test, from another session, and waits until it has returned. */
    private void cancel(int pid, Future<?> running) throws Exception {
        try (Connection admin = session("test-cleanup"); Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_cancel_backend(" + pid + ")");
        }
        try {
            running.get();
        } catch (java.util.concurrent.ExecutionException expected) {
            // the cancelled statement fails, which is what was asked
        }
    }
}
