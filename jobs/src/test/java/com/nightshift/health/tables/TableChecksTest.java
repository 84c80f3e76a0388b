package com.nightshift.health.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthQueriesOn;
import com.nightshift.health.HealthState;
import com.nightshift.support.DatabaseRoles;
import com.nightshift.support.TestServers;

/**
 * The table checks against tables really left with dead rows, unvacuumed, bloated, and sequences really near their
 * end, each on a database of its own so that one test's tables never show in another's result.
 */
class TableChecksTest {

    private static final Duration STATISTICS = Duration.ofSeconds(15);

    @Test
    void aTableWithMostlyDeadRowsIsCritAndNamed() {
        String database = databaseWithTable(20_000);
        owner(database).update("DELETE FROM tickets WHERE id % 10 <> 0");
        DeadTuplesCheck check = new DeadTuplesCheck(as("postgres", database), thresholds());

        CheckResult result = await().atMost(STATISTICS).until(check::run, r -> r.state() == HealthState.CRIT);

        assertThat(result.message()).contains("tickets (90% dead: 18000 of 20000 rows; last vacuumed never)",
                "VACUUM (ANALYZE)");
    }

    @Test
    void aVacuumedTableHasNoDeadRows() {
        String database = databaseWithTable(20_000);
        JdbcTemplate owner = owner(database);
        owner.update("DELETE FROM tickets WHERE id % 10 <> 0");
        DeadTuplesCheck check = new DeadTuplesCheck(as("postgres", database), thresholds());

        // an autovacuum ANALYZE of the fresh table may still hold a snapshot from before the delete, which keeps
        // one VACUUM from removing the rows: vacuum again until none holds them
        CheckResult result = await().atMost(STATISTICS).until(() -> {
            owner.execute("VACUUM tickets");
            return check.run();
        }, r -> r.state() == HealthState.OK);

        assertThat(result.message()).startsWith("no tables of 1000 rows or more with many dead rows");
    }

    @Test
    void aBusyTableNeverVacuumedNorAnalyzedIsWarnAndNamed() {
        String database = databaseWithTable(20_000);
        UpkeepCheck check = new UpkeepCheck(as("postgres", database), thresholds());

        CheckResult result = await().atMost(STATISTICS).until(check::run, r -> r.state() == HealthState.WARN);

        assertThat(result.message()).contains("tickets (20000 rows written; last vacuumed never, analyzed never)",
                "autovacuum");
    }

    @Test
    void aBusyTableJustVacuumedAndAnalyzedIsOk() {
        String database = databaseWithTable(20_000);
        owner(database).execute("VACUUM (ANALYZE) tickets");
        UpkeepCheck check = new UpkeepCheck(as("postgres", database), thresholds());

        CheckResult result = await().atMost(STATISTICS).until(check::run, r -> r.state() == HealthState.OK);

        assertThat(result.message()).startsWith("no busy tables");
    }

    @Test
    void aTableMostlyEmptySpaceIsCritAndNamed() {
        String database = databaseWithTable(20_000);
        JdbcTemplate owner = owner(database);
        // deleting nine rows in ten leaves a live row in every page, so nothing can be truncated
        owner.update("DELETE FROM tickets WHERE id % 10 <> 0");
        owner.execute("VACUUM (ANALYZE) tickets");

        CheckResult result = new BloatCheck(as("postgres", database), thresholds()).run();

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
        assertThat(result.message()).contains("tickets (", "of it without live rows", "pg_repack");
    }

    @Test
    void aFreshlyFilledTableIsNotBloated() {
        String database = databaseWithTable(20_000);
        owner(database).execute("ANALYZE tickets");

        CheckResult result = new BloatCheck(as("postgres", database), thresholds()).run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
    }

    @Test
    void aYoungDatabaseIsFarFromWraparound() {
        String database = databaseWithTable(10);

        CheckResult result = new XidAgeCheck(as("postgres", database), thresholds()).run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).contains("of the way to wraparound", "tickets (age ");
    }

    @Test
    void anAgePastTheThresholdIsCritAndSaysWhatToFreeze() {
        String database = databaseWithTable(10);
        // consuming a billion transaction IDs is out of reach of a test: the threshold comes down to the age instead
        TableThresholds nearlyZero = new TableThresholds(1_000, 0.2, 0.5, 1_000, Duration.ofDays(7),
                DataSize.ofKilobytes(64), 0.4, 0.7, 1e-12, 2e-12, 0.75, 0.9);

        CheckResult result = new XidAgeCheck(as("postgres", database), nearlyZero).run();

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
        assertThat(result.message()).contains("VACUUM (FREEZE)", "pg_prepared_xacts", "tickets (age ");
    }

    @Test
    void aSequenceNearItsMaximumIsCritAndNamed() {
        String database = databaseWithTable(10);
        owner(database).execute("CREATE SEQUENCE ticket_no MAXVALUE 100; SELECT setval('ticket_no', 95)");

        CheckResult result = new SequenceCheck(as("postgres", database), thresholds()).run();

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
        assertThat(result.message()).contains("ticket_no (at 95, maximum 100)", "ALTER SEQUENCE");
    }

    @Test
    void sequencesFarFromTheirLimitAreOk() {
        String database = databaseWithTable(10);
        owner(database).execute("CREATE SEQUENCE ticket_no MAXVALUE 100; SELECT setval('ticket_no', 10)");

        CheckResult result = new SequenceCheck(as("postgres", database), thresholds()).run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
    }

    @Test
    void aSequenceTheRoleMayNotReadIsNamedAsNotChecked() {
        String database = DatabaseRoles.leastPrivilegeDatabase("health_tables");
        // created after the grants: the application role has no privilege on it
        owner(database).execute("CREATE SEQUENCE private_no");

        CheckResult result = new SequenceCheck(as(DatabaseRoles.APPLICATION, database), thresholds()).run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("could not check sequence private_no", "grant it SELECT");
    }

    @Test
    void theApplicationRoleWithTablePrivilegesOnlyCanCheckTheTables() {
        String database = DatabaseRoles.leastPrivilegeDatabase("health_tables");
        HealthQueries asApplication = as(DatabaseRoles.APPLICATION, database);

        assertThat(new DeadTuplesCheck(asApplication, thresholds()).run().state()).isEqualTo(HealthState.OK);
        assertThat(new XidAgeCheck(asApplication, thresholds()).run().state()).isEqualTo(HealthState.OK);
        assertThat(new SequenceCheck(asApplication, thresholds()).run().state()).isEqualTo(HealthState.OK);
    }

    private static TableThresholds thresholds() {
        return new TableThresholds(1_000, 0.2, 0.5, 1_000, Duration.ofDays(7), DataSize.ofKilobytes(64), 0.4, 0.7,
                0.5, 0.75, 0.75, 0.9);
    }

    /** A database of its own with one table of {@code rows} rows, left alone by autovacuum. */
    private static String databaseWithTable(int rows) {
        String database = TestServers.get().newDatabase("health_tables");
        owner(database).execute("""
                CREATE TABLE tickets (id bigint NOT NULL, note text NOT NULL) WITH (autovacuum_enabled = false);
                INSERT INTO tickets SELECT g, repeat('x', 100) FROM generate_series(1, %d) g""".formatted(rows));
        return database;
    }

    private static JdbcTemplate owner(String database) {
        return new JdbcTemplate(DatabaseRoles.as("postgres", database));
    }

    private static HealthQueries as(String role, String database) {
        return HealthQueriesOn.dataSource(DatabaseRoles.as(role, database));
    }
}
