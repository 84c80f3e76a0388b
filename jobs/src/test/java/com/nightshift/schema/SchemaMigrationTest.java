package com.nightshift.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.CliRun;
import com.nightshift.support.Migrations;
import com.nightshift.support.TestServers;
import com.zaxxer.hikari.HikariDataSource;

class SchemaMigrationTest {

    private static final List<String> INDEXES = List.of("idx_orders_product",
            "idx_orders_channel", "idx_orders_store_date_channel", "idx_orders_updated_at");

    @Test
    void appliesToAnEmptyDatabaseCreatingEveryTable() throws Exception {
        String url = TestServers.get().newDatabase("empty");

        Migrations.apply(url);

        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            List<String> tables = new JdbcTemplate(dataSource).queryForList(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", String.class);
            assertThat(tables).contains("orders", "rollup_store_daily", "rollup_store_product_daily",
                    "rollup_store_channel_daily", "batch_job_instance", "batch_step_execution",
                    "qrtz_job_details", "qrtz_triggers", "qrtz_locks");
        }
    }

    @Test
    void reapplyingChangesNothing() throws Exception {
        String url = TestServers.get().newDatabase("reapply");
        Migrations.apply(url);
        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            List<Map<String, Object>> before = jdbc.queryForList(
                    "SELECT id, exectype, dateexecuted FROM databasechangelog ORDER BY orderexecuted");

            Migrations.apply(url);

            assertThat(jdbc.queryForList(
                    "SELECT id, exectype, dateexecuted FROM databasechangelog ORDER BY orderexecuted"))
                    .isEqualTo(before);
        }
    }

    @Test
    void createsTheIndexesTheOldSystemLacked() throws Exception {
        String url = TestServers.get().newDatabase("indexes");

        Migrations.apply(url);

        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            assertThat(new JdbcTemplate(dataSource).queryForList(
                    "SELECT indexname FROM pg_indexes WHERE tablename = 'orders'", String.class))
                    .containsAll(INDEXES);
        }
    }

    @Test
    void indexesTheLookupsEveryRunMakesInTheBatchMetadataAndTheRollups() throws Exception {
        String url = TestServers.get().newDatabase("lookups");

        Migrations.apply(url);

        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            assertThat(new JdbcTemplate(dataSource).queryForList(
                    "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'", String.class))
                    .anyMatch(index -> index.endsWith("ON public.batch_step_execution USING btree (job_execution_id)"))
                    .anyMatch(index -> index.endsWith("ON public.batch_job_execution USING btree (job_instance_id)"))
                    .anyMatch(index -> index.endsWith(
                            "ON public.batch_job_execution_params USING btree (job_execution_id)"))
                    .anyMatch(index -> index.endsWith(
                            "ON public.rollup_store_daily USING btree (business_date, store_name)"));
        }
    }

    @Test
    void keepsEveryRowOfAnExistingOrdersTableIncludingDirtyOnes() throws Exception {
        String url = TestServers.get().newDatabase("legacy");
        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            LegacyOrdersTable.createWithDirtyRows(jdbc);

            Migrations.apply(url);

            assertThat(jdbc.queryForList("SELECT id FROM orders ORDER BY id", Long.class))
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(jdbc.queryForObject("SELECT store_name FROM orders WHERE id = 2", String.class)).isEmpty();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM orders WHERE updated_at IS NOT NULL", Long.class))
                    .isEqualTo(6L);
            assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'orders'", String.class))
                    .containsAll(INDEXES);
        }
    }

    @Test
    void anExistingTableGainsIdsAndRejectsNewDirtyRows() throws Exception {
        String url = TestServers.get().newDatabase("legacy_guard");
        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            LegacyOrdersTable.createWithDirtyRows(jdbc);

            Migrations.apply(url);

            jdbc.update(LegacyOrdersTable.INSERT_WITHOUT_ID, "N-7", "上海浦东店", "招牌牛肉面", "堂食", 1, "25.00",
                    "completed");
            assertThat(jdbc.queryForObject("SELECT max(id) FROM orders", Long.class)).isEqualTo(7L);
            assertThatThrownBy(() -> jdbc.update(LegacyOrdersTable.INSERT_WITHOUT_ID, "N-8", " ", "招牌牛肉面",
                    "堂食", 1, "25.00", "completed"))
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("orders_store_name_present");
            assertThatThrownBy(() -> jdbc.update(LegacyOrdersTable.INSERT_WITHOUT_ID, "N-9", "上海浦东店",
                    "招牌牛肉面", "堂食", 1, "25.00", "lost"))
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("orders_status_known");
        }
    }

    @Test
    void updatingALineMovesItsUpdatedAt() throws Exception {
        String url = TestServers.get().newDatabase("touch");
        Migrations.apply(url);
        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.update(LegacyOrdersTable.INSERT_WITHOUT_ID, "N-1", "上海浦东店", "招牌牛肉面", "堂食", 1, "25.00",
                    "completed");
            jdbc.update("UPDATE orders SET updated_at = now() - interval '1 day'");
            jdbc.update("UPDATE orders SET status = 'refunded', amount = -amount");

            assertThat(jdbc.queryForObject("SELECT updated_at > now() - interval '1 minute' FROM orders",
                    Boolean.class)).isTrue();
        }
    }

    @Test
    void aRunOnADatabaseThatIsBehindSaysHowFarAndChangesNothing() throws Exception {
        String url = TestServers.get().newDatabase("behind");

        CliRun run = CliRun.of(runArguments(url));

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.errLines()).singleElement().asString()
                .matches("nightshift: the database's schema is behind this version of Nightshift: \\d+ changesets "
                        + "are pending; run 'nightshift migrate'");
        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            assertThat(new JdbcTemplate(dataSource).queryForObject(
                    "SELECT to_regclass('databasechangelog') IS NULL AND to_regclass('orders') IS NULL",
                    Boolean.class)).isTrue();
        }
    }

    @Test
    void aRunAfterAnUpgradeCountsTheChangesetsItLacks() throws Exception {
        String url = TestServers.get().newDatabase("upgrade");
        Migrations.apply(url);
        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            new JdbcTemplate(dataSource).update("DELETE FROM databasechangelog WHERE orderexecuted = "
                    + "(SELECT max(orderexecuted) FROM databasechangelog)");
        }

        CliRun run = CliRun.of(runArguments(url));

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.errLines()).containsExactly("nightshift: the database's schema is behind this version of "
                + "Nightshift: 1 changeset is pending; run 'nightshift migrate'");
    }

    @Test
    void migrateBringsADatabaseUpToDateAndTheRunThenWorks() {
        String url = TestServers.get().newDatabase("migrate_then_run");

        CliRun migrate = CliRun.of(Migrations.migrateArguments(url));
        CliRun run = CliRun.of(runArguments(url));
        CliRun again = CliRun.of(Migrations.migrateArguments(url));

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).matches("Schema up to date: \\d+ changesets applied\\.\\R");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Job rollup COMPLETED");
        assertThat(again.out()).isEqualTo("Schema up to date: 0 changesets applied.\n");
    }

    @Test
    void migrateRefusesATableWhoseColumnsCannotBeReadExactlyOneLinePerColumnAndChangesNothing() throws Exception {
        String url = TestServers.get().newDatabase("mistyped");
        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            createMistypedTableWithTheLinesARollupMiscounted(jdbc);

            CliRun migrate = CliRun.of(Migrations.migrateArguments(url));

            assertThat(migrate.exitCode()).isEqualTo(4);
            assertThat(migrate.errLines()).containsExactly(
                    "nightshift: orders.order_date is timestamp without time zone; Nightshift needs date (the "
                            + "business date a line counts for; a time of day makes the rollup miss lines)",
                    "nightshift: orders.amount is double precision; Nightshift needs numeric(12,2) (an exact "
                            + "amount; binary floating point cannot hold cents exactly)",
                    "nightshift: Nightshift does not read or change orders until these columns are changed "
                            + "(see the README, section Schema)");
            assertThat(jdbc.queryForObject("SELECT to_regclass('databasechangelog') IS NULL", Boolean.class))
                    .isTrue();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_constraint WHERE conrelid = 'orders'::regclass "
                    + "AND contype = 'c'", Long.class)).isZero();
        }
    }

    @Test
    void aRunThatMayMigrateRefusesAMistypedTableAndRollsNothingUp() throws Exception {
        String url = TestServers.get().newDatabase("mistyped_run");
        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            createMistypedTableWithTheLinesARollupMiscounted(jdbc);

            CliRun run = CliRun.onDatabase(url, "run", "rollup", "mode=full", "from=2026-10-01", "to=2026-10-01");

            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.errLines()).hasSize(3);
            assertThat(jdbc.queryForObject("SELECT to_regclass('rollup_store_daily') IS NULL", Boolean.class))
                    .isTrue();
        }
    }

    @Test
    void aRunNeverReadsAnOrdersTableWhoseColumnChangedTypeAfterTheMigration() throws Exception {
        String url = TestServers.get().newDatabase("retyped");
        Migrations.apply(url);
        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            new JdbcTemplate(dataSource).execute("ALTER TABLE orders ALTER COLUMN amount TYPE double precision");
        }

        CliRun run = CliRun.of(runArguments(url));

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.errLines()).first().asString().startsWith("nightshift: orders.amount is double precision;");
    }

    @Test
    void columnTypesThatReadExactlyAreUsedAsTheyAreAndFractionsOfACentAreQuarantined() throws Exception {
        String url = TestServers.get().newDatabase("compatible");
        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            LegacyOrdersTable.createWithTypes(jdbc, Map.of("id", "integer", "store_name", "varchar(40)",
                    "product_name", "varchar(80)", "channel", "varchar(20)", "quantity", "smallint",
                    "amount", "numeric(14,3)"));
            jdbc.execute("""
                    INSERT INTO orders VALUES
                      (1, 'A-1', '北京朝阳店', '2026-10-01', '2026-10-01 13:00+08', '招牌牛肉面', '堂食', 1, 25.50, 'completed'),
                      (2, 'A-2', '北京朝阳店', '2026-10-01', '2026-10-01 23:30+08', '经典蛋挞', '堂食', 1, 19.999, 'completed')
                    """);

            CliRun migrate = CliRun.of(Migrations.migrateArguments(url));
            CliRun run = CliRun.of(runArguments(url));

            assertThat(migrate.exitCode()).as(migrate.err()).isZero();
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(jdbc.queryForMap("SELECT lines, gross_amount FROM rollup_store_daily"))
                    .containsEntry("lines", 1).containsEntry("gross_amount", new BigDecimal("25.50"));
            assertThat(jdbc.queryForObject("SELECT reason FROM rollup_quarantine WHERE order_line_id = 2",
                    String.class)).contains("fractions of a cent");
        }
    }

    @Test
    void anIndexThatAFailedConcurrentBuildLeftInvalidStopsRunsAndMigrateBuildsItAgain() throws Exception {
        String url = TestServers.get().newDatabase("invalid_index");
        Migrations.apply(url);
        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("DROP INDEX idx_orders_channel");
            failConcurrentBuild(dataSource, "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_channel ON orders (channel)");
            assertThat(isValid(jdbc, "idx_orders_channel")).isFalse();

            CliRun run = CliRun.of(runArguments(url));
            CliRun migrate = CliRun.of(Migrations.migrateArguments(url));

            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.errLines()).containsExactly("nightshift: invalid index idx_orders_channel (a concurrent "
                    + "build failed); run 'nightshift migrate' to build it again");
            assertThat(migrate.exitCode()).as(migrate.err()).isZero();
            assertThat(migrate.out()).contains("invalid indexes built again: idx_orders_channel");
            assertThat(isValid(jdbc, "idx_orders_channel")).isTrue();
        }
    }

    @Test
    void aChangeBlockedByALockOnOrdersGivesUpNamingItsStatementAndNeverHoldsThePosWritesBehindIt() throws Exception {
        String url = TestServers.get().newDatabase("locked");
        try (HikariDataSource dataSource = Migrations.dataSource(url);
             Connection report = dataSource.getConnection();
             Connection pos = dataSource.getConnection()) {
            LegacyOrdersTable.createWithDirtyRows(new JdbcTemplate(dataSource));
            // a long report: its read lock on orders lasts until the end of the test
            report.setAutoCommit(false);
            try (Statement statement = report.createStatement()) {
                statement.executeQuery("SELECT count(*) FROM orders").close();
            }

            CompletableFuture<CliRun> migrate = CompletableFuture.supplyAsync(() -> CliRun.of(
                    Migrations.migrateArguments(url, "--nightshift.schema.lock-timeout=500ms",
                            "--nightshift.schema.lock-attempts=3", "--nightshift.schema.retry-after=200ms")));
            await().atMost(Duration.ofMinutes(1)).until(() -> migrationWaitsForALock(dataSource));
            CompletableFuture<Integer> posWrite = CompletableFuture.supplyAsync(() -> insertLine(pos));

            await().atMost(Duration.ofMinutes(1)).until(posWrite::isDone);
            assertThat(posWrite.join()).isOne();
            CliRun failed = migrate.get();
            report.rollback();

            assertThat(failed.exitCode()).isEqualTo(4);
            assertThat(failed.errLines()).singleElement().asString()
                    .startsWith("nightshift: could not get a lock within 500 ms, 3 times, for: ALTER TABLE orders "
                            + "ADD COLUMN IF NOT EXISTS updated_at")
                    .contains("(changeset 003-orders-existing-table-columns)");
        }
    }

    @Test
    void aChangeThatGaveUpWaitingForItsLockIsTriedAgainAndSucceedsOnceTheLockIsGone() throws Exception {
        String url = TestServers.get().newDatabase("lock_retry");
        try (HikariDataSource dataSource = Migrations.dataSource(url); Connection report = dataSource.getConnection()) {
            LegacyOrdersTable.createWithDirtyRows(new JdbcTemplate(dataSource));
            report.setAutoCommit(false);
            try (Statement statement = report.createStatement()) {
                statement.executeQuery("SELECT count(*) FROM orders").close();
            }

            CompletableFuture<CliRun> migrate = CompletableFuture.supplyAsync(() -> CliRun.of(
                    Migrations.migrateArguments(url, "--nightshift.schema.lock-timeout=300ms",
                            "--nightshift.schema.lock-attempts=20", "--nightshift.schema.retry-after=1s")));
            await().atMost(Duration.ofMinutes(1)).until(() -> migrationWaitsForALock(dataSource));
            await().atMost(Duration.ofMinutes(1)).until(() -> !migrationWaitsForALock(dataSource));
            report.rollback();
            CliRun migrated = migrate.get();

            assertThat(migrated.exitCode()).as(migrated.err()).isZero();
            assertThat(nightshiftObjectsOnOrders(new JdbcTemplate(dataSource))).contains("orders_status_known");
        }
    }

    @Test
    void theRemovalScriptTakesNightshiftOffOrdersAndMigrateCanPutItBack() throws Exception {
        String url = TestServers.get().newDatabase("removal");
        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            LegacyOrdersTable.createWithDirtyRows(jdbc);
            Migrations.apply(url);

            try (Connection psql = dataSource.getConnection(); Statement statement = psql.createStatement()) {
                for (String sql : removalScript()) {
                    statement.execute(sql);
                }
            }

            assertThat(nightshiftObjectsOnOrders(jdbc)).isEmpty();
            jdbc.update("INSERT INTO orders (order_no, store_name, order_date, ordered_at, product_name, channel, "
                    + "quantity, amount, status) VALUES ('N-1', ' ', '2026-11-01', now(), 'x', 'y', 1, 1, 'lost')");
            Migrations.apply(url);
            assertThat(nightshiftObjectsOnOrders(jdbc))
                    .contains("orders_status_known", "orders_log_inserted_keys", "orders_log_updated_keys",
                            "orders_log_deleted_keys", "idx_orders_store_date_channel", "idx_orders_unroutable")
                    .doesNotContain("orders_note_vanished_key", "idx_orders_store_date");
        }
    }

    /** The issue's example: two lines of one day at 13:00 and 23:30, and an amount finer than a cent. */
    private static void createMistypedTableWithTheLinesARollupMiscounted(JdbcTemplate jdbc) {
        LegacyOrdersTable.createWithTypes(jdbc, Map.of("order_date", "timestamp", "amount", "double precision"));
        jdbc.execute("""
                INSERT INTO orders VALUES
                  (1, 'A-1', '北京朝阳店', '2026-10-01 00:00', '2026-10-01 00:00+08', '招牌牛肉面', '堂食', 1, 32.50, 'completed'),
                  (2, 'A-2', '北京朝阳店', '2026-10-01 13:00', '2026-10-01 13:00+08', '招牌牛肉面', '堂食', 1, 32.50, 'completed'),
                  (3, 'A-3', '北京朝阳店', '2026-10-01 23:30', '2026-10-01 23:30+08', '经典蛋挞', '堂食', 1, 19.999, 'completed')
                """);
    }

    private static String[] runArguments(String url) {
        List<String> arguments = new ArrayList<>(List.of("run", "rollup", "mode=full", "from=2026-10-01",
                "to=2026-10-01"));
        arguments.addAll(TestServers.get().serverArguments(url));
        return arguments.toArray(String[]::new);
    }

    /** A concurrent build that gives up waiting for a writer's transaction, as one may in a migration. */
    private static void failConcurrentBuild(HikariDataSource dataSource, String createIndex) throws SQLException {
        try (Connection writer = dataSource.getConnection(); Connection builder = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (Statement write = writer.createStatement(); Statement build = builder.createStatement()) {
                write.executeUpdate("UPDATE orders SET status = status WHERE false");
                build.execute("SET lock_timeout = '200ms'");
                assertThatThrownBy(() -> build.execute(createIndex)).hasMessageContaining("lock timeout");
            } finally {
                writer.rollback();
            }
        }
    }

    private static boolean isValid(JdbcTemplate jdbc, String index) {
        return jdbc.queryForObject("SELECT indisvalid FROM pg_index WHERE indexrelid = ?::regclass", Boolean.class,
                index);
    }

    private static boolean migrationWaitsForALock(HikariDataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                + "current_database() AND application_name = 'nightshift' AND wait_event_type = 'Lock'", Long.class) > 0;
    }

    private static int insertLine(Connection pos) {
        try (Statement statement = pos.createStatement()) {
            return statement.executeUpdate("INSERT INTO orders VALUES (100, 'P-1', '上海浦东店', '2026-11-01', "
                    + "'2026-11-01 12:00+08', '招牌牛肉面', '堂食', 1, 25.00, 'completed')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The removal script's statements, one by one: index drops cannot run in a multi-statement string. */
    private static List<String> removalScript() throws IOException {
        try (InputStream script = SchemaMigrationTest.class.getResourceAsStream("/changelog/remove-from-orders.sql")) {
            String text = new String(script.readAllBytes(), StandardCharsets.UTF_8);
            String withoutComments = text.lines().filter(line -> !line.startsWith("--"))
                    .reduce("", (all, line) -> all + line + "\n");
            return Arrays.stream(withoutComments.split(";\\s*\n")).map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
        }
    }

    private static List<String> nightshiftObjectsOnOrders(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                SELECT conname FROM pg_constraint WHERE conrelid = 'orders'::regclass AND contype = 'c'
                UNION ALL SELECT tgname FROM pg_trigger WHERE tgrelid = 'orders'::regclass AND NOT tgisinternal
                UNION ALL SELECT indexname FROM pg_indexes WHERE tablename = 'orders' AND indexname LIKE 'idx_%'
                """, String.class);
    }
}
