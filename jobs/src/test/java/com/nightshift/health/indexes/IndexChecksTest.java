package com.nightshift.health.indexes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthQueriesOn;
import com.nightshift.health.HealthState;
import com.nightshift.schema.SchemaMigration;
import com.nightshift.support.DatabaseRoles;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.Migrations;
import com.nightshift.support.TestServers;

/**
 * The index checks against indexes really made invalid, dropped, unused, duplicated or bypassed, each on a database
 * of its own so that one test's indexes never show in another's result.
 */
class IndexChecksTest extends IntegrationTest {

    private static final Duration STATISTICS = Duration.ofSeconds(15);

    @Autowired
    SchemaMigration schema;

    @Autowired
    HealthQueries queries;

    @Test
    void theMigratedSchemaHasEveryDeclaredIndexValid() {
        CheckResult result = new InvalidIndexCheck(queries, schema).run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).contains("indexes the changelog declares exist");
    }

    @Test
    void anInvalidIndexIsCritAndNamed() {
        String database = migratedDatabase();
        // what a failed CREATE INDEX CONCURRENTLY leaves behind
        owner(database).update(
                "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'idx_orders_channel'::regclass");

        CheckResult result = new InvalidIndexCheck(as("postgres", database), schema).run();

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
        assertThat(result.message()).contains("invalid index idx_orders_channel on orders", "nightshift migrate",
                "REINDEX INDEX CONCURRENTLY");
    }

    @Test
    void aDeclaredIndexThatWasDroppedIsCritAndNamed() {
        String database = migratedDatabase();
        owner(database).execute("DROP INDEX idx_delivery_state");

        CheckResult result = new InvalidIndexCheck(as("postgres", database), schema).run();

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
        assertThat(result.message()).contains("declares index idx_delivery_state", "nightshift migrate");
    }

    @Test
    void theApplicationRoleWithTablePrivilegesOnlyCanCheckIndexes() {
        String database = DatabaseRoles.leastPrivilegeDatabase("health_indexes_app");

        CheckResult result = new InvalidIndexCheck(as(DatabaseRoles.APPLICATION, database), schema).run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
    }

    @Test
    void anIndexNeverScannedAboveTheSizeIsWarnAndNamed() {
        String database = databaseWithTable();
        owner(database).execute("CREATE INDEX idx_never_used ON readings (reading)");

        CheckResult result = new UnusedIndexCheck(as("postgres", database), thresholds(DataSize.ofKilobytes(8)))
                .run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("idx_never_used on readings", "never scanned",
                "DROP INDEX CONCURRENTLY");
    }

    @Test
    void anIndexThatQueriesUseIsOk() {
        String database = databaseWithTable();
        JdbcTemplate owner = owner(database);
        owner.execute("CREATE INDEX idx_used ON readings (reading)");
        owner.execute("SET enable_seqscan = off; SELECT count(*) FROM readings WHERE reading = 5");
        UnusedIndexCheck check = new UnusedIndexCheck(as("postgres", database), thresholds(DataSize.ofKilobytes(8)));

        CheckResult result = await().atMost(STATISTICS).until(check::run, r -> r.state() == HealthState.OK);

        assertThat(result.message()).startsWith("no unused index");
    }

    @Test
    void anIndexSmallerThanTheSizeIsNotReported() {
        String database = databaseWithTable();
        owner(database).execute("CREATE INDEX idx_small ON readings (reading)");

        CheckResult result = new UnusedIndexCheck(as("postgres", database), thresholds(DataSize.ofMegabytes(10)))
                .run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
    }

    @Test
    void theMigratedSchemaHasNoDuplicateIndex() {
        CheckResult result = new DuplicateIndexCheck(queries).run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).isEqualTo("no duplicate index");
    }

    @Test
    void twoIndexesOnTheSameColumnsAreWarnNamingTheRedundantOne() {
        String database = databaseWithTable();
        owner(database).execute("CREATE INDEX idx_first ON readings (reading); "
                + "CREATE INDEX idx_second ON readings (reading)");

        CheckResult result = new DuplicateIndexCheck(as("postgres", database)).run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("idx_second on readings (the same columns as idx_first)")
                .doesNotContain("idx_first on readings");
    }

    @Test
    void anIndexOnAPrefixOfAnothersColumnsIsWarn() {
        String database = databaseWithTable();
        owner(database).execute("CREATE INDEX idx_reading ON readings (reading); "
                + "CREATE INDEX idx_reading_id ON readings (reading, id)");

        CheckResult result = new DuplicateIndexCheck(as("postgres", database)).run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("idx_reading on readings (a prefix of idx_reading_id)");
    }

    @Test
    void aUniqueIndexIsNeverRedundantAndDistinctIndexesAreOk() {
        String database = databaseWithTable();
        owner(database).execute("CREATE UNIQUE INDEX uq_id ON readings (id); "
                + "CREATE INDEX idx_id_reading ON readings (id, reading); CREATE INDEX idx_at ON readings (taken_at)");

        CheckResult result = new DuplicateIndexCheck(as("postgres", database)).run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).isEqualTo("no duplicate index");
    }

    @Test
    void aLargeTableReadMostlyBySequentialScansIsWarnAndNamed() {
        String database = databaseWithTable();
        scanSequentially(database, 10);
        SequentialScanCheck check = new SequentialScanCheck(as("postgres", database),
                new IndexThresholds(DataSize.ofMegabytes(10), 1_000, 5, 0.5));

        CheckResult result = await().atMost(STATISTICS).until(check::run, r -> r.state() == HealthState.WARN);

        assertThat(result.message()).contains("readings (10000 rows, ", "sequential scans against",
                "add an index");
    }

    @Test
    void aTableSmallerThanTheThresholdIsNotJudgedForSequentialScans() {
        String database = databaseWithTable();
        scanSequentially(database, 10);

        CheckResult result = new SequentialScanCheck(as("postgres", database),
                new IndexThresholds(DataSize.ofMegabytes(10), 1_000_000, 5, 0.5)).run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
    }

    private static IndexThresholds thresholds(DataSize unusedMinSize) {
        return new IndexThresholds(unusedMinSize, 100_000, 50, 0.5);
    }

    private static String migratedDatabase() {
        String database = TestServers.get().newDatabase("health_indexes");
        Migrations.apply(database);
        return database;
    }

    /** A database of its own with one table of 10,000 rows and no index yet. */
    private static String databaseWithTable() {
        String database = TestServers.get().newDatabase("health_index_stats");
        owner(database).execute("""
                CREATE TABLE readings (id bigint NOT NULL, reading int NOT NULL, taken_at timestamptz NOT NULL);
                INSERT INTO readings SELECT g, g % 100, now() FROM generate_series(1, 10000) g;
                ANALYZE readings""");
        return database;
    }

    private static void scanSequentially(String database, int times) {
        JdbcTemplate owner = owner(database);
        for (int i = 0; i < times; i++) {
            owner.queryForObject("SELECT count(*) FROM readings WHERE reading = 7", Long.class);
        }
    }

    private static JdbcTemplate owner(String database) {
        return new JdbcTemplate(DatabaseRoles.as("postgres", database));
    }

    private static HealthQueries as(String role, String database) {
        return HealthQueriesOn.dataSource(DatabaseRoles.as(role, database));
    }
}
