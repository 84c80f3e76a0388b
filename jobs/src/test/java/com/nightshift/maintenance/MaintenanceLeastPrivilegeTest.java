package com.nightshift.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.health.CurrentChecks;
import com.nightshift.health.HealthHistoryPurge;
import com.nightshift.support.DatabaseRoles;

/**
 * Maintenance run as Nightshift's application role, which has privileges on the tables only: what it may not do
 * (vacuum, rebuild an index: the owner's) is reported as not permitted, and the purges it may do, it does.
 * Also, on the same footing, a statement cancelled at its timeout is skipped.
 */
class MaintenanceLeastPrivilegeTest {

    private final String database = DatabaseRoles.leastPrivilegeDatabase("maintenance_roles");
    private final JdbcTemplate owner = new JdbcTemplate(DatabaseRoles.as("postgres", database));
    private final TableActions asApplication = new TableActions(DatabaseRoles.as(DatabaseRoles.APPLICATION, database),
            properties(Duration.ofSeconds(5), Duration.ofMinutes(1)));

    @Test
    void aVacuumTheRoleMayNotDoIsReportedNotPermittedAndTheTableIsLeftAsItWas() throws Exception {
        BloatedTables.create(owner, "bloat_roles");
        owner.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON bloat_roles TO " + DatabaseRoles.APPLICATION);

        List<Action> actions = new Vacuums(asApplication, properties(Duration.ofSeconds(5), Duration.ofMinutes(1)))
                .run(false);

        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action.outcome()).isEqualTo(Action.Outcome.NOT_PERMITTED);
            assertThat(action.line()).contains("VACUUM (ANALYZE) bloat_roles: not permitted",
                    "permission denied to vacuum", "run maintenance as the tables' owner");
        });
        assertThat(BloatedTables.deadRows(owner, "bloat_roles")).isEqualTo(18_000);
    }

    @Test
    void aReindexTheRoleMayNotDoIsReportedNotPermittedAndTheIndexStaysInvalid() throws Exception {
        owner.execute("CREATE TABLE roles_indexed (id int PRIMARY KEY, name text)");
        owner.execute("CREATE INDEX roles_broken ON roles_indexed (name)");
        owner.update("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'roles_broken'::regclass");

        List<Action> actions = new Reindexes(asApplication).run(false);

        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action.outcome()).isEqualTo(Action.Outcome.NOT_PERMITTED);
            assertThat(action.line()).contains("REINDEX INDEX CONCURRENTLY roles_broken ON roles_indexed: "
                    + "not permitted", "permission denied for index roles_broken");
        });
        assertThat(owner.queryForObject("SELECT indisvalid FROM pg_index WHERE indexrelid = 'roles_broken'::regclass",
                Boolean.class)).isFalse();
    }

    @Test
    void aPurgeWithTablePrivilegesIsDone() {
        long old = owner.queryForObject("INSERT INTO health_result (check_name, check_group, state, message, "
                + "checked_at, took_ms) VALUES ('test.roles', 'TABLES', 'OK', 'fine', now() - interval '100 days', 1) "
                + "RETURNING id", Long.class);
        owner.update("INSERT INTO health_result (check_name, check_group, state, message, took_ms) "
                + "VALUES ('test.roles', 'TABLES', 'OK', 'fine', 1)");
        HealthHistoryPurge purge = new HealthHistoryPurge(new CurrentChecks(List.of()));

        Action action = asApplication.run("purge health history", "health_result", connection -> connection
                .inTransaction(jdbc -> purge.purge(jdbc, Instant.now().minus(Duration.ofDays(90)))) + " deleted");

        assertThat(action.line()).contains("purge health history: done", "(1 deleted)");
        assertThat(owner.queryForObject("SELECT count(*) FROM health_result WHERE id = ?", Long.class, old)).isZero();
    }

    @Test
    void aDryRunCountTheRoleMayNotReadIsReportedNotPermittedRatherThanFailingTheStep() {
        owner.execute("REVOKE SELECT ON health_result FROM " + DatabaseRoles.APPLICATION);
        HealthHistoryPurge purge = new HealthHistoryPurge(new CurrentChecks(List.of()));

        Action action = asApplication.wouldDo("purge health history", jdbc -> purge.count(jdbc,
                Instant.now().minus(Duration.ofDays(90))) + " results");

        assertThat(action.outcome()).isEqualTo(Action.Outcome.NOT_PERMITTED);
        assertThat(action.line()).contains("purge health history: not permitted",
                "permission denied for table health_result");
    }

    @Test
    void aStatementCancelledAtItsTimeoutIsSkippedAndNamesTheSetting() throws Exception {
        BloatedTables.create(owner, "bloat_slow");
        TableActions patientForLocksOnly = new TableActions(DatabaseRoles.as("postgres", database),
                properties(Duration.ofMinutes(1), Duration.ofMillis(300)));
        List<Action> actions;
        try (Connection other = DatabaseRoles.as("postgres", database).getConnection();
             Statement lock = other.createStatement()) {
            other.setAutoCommit(false);
            // the vacuum waits for this lock, within its lock timeout, until its statement timeout ends it
            lock.execute("LOCK TABLE bloat_slow IN SHARE UPDATE EXCLUSIVE MODE");

            actions = new Vacuums(patientForLocksOnly, properties(Duration.ofMinutes(1), Duration.ofMillis(300)))
                    .run(false);
        }

        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action.outcome()).isEqualTo(Action.Outcome.SKIPPED);
            assertThat(action.line()).contains("cancelled at the statement timeout "
                    + "(nightshift.maintenance.statement-timeout)");
        });
    }

    private static MaintenanceProperties properties(Duration lockTimeout, Duration statementTimeout) {
        return new MaintenanceProperties(1000, 0.2, lockTimeout, statementTimeout, Duration.ofDays(90),
                Duration.ofDays(400), Duration.ofDays(400), Duration.ofDays(90));
    }
}
