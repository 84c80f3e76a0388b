package com.nightshift.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.Migrations;
import com.nightshift.support.TestServers;
import com.zaxxer.hikari.HikariDataSource;

class SchemaMigrationTest {

    private static final List<String> INDEXES = List.of("idx_orders_store_date", "idx_orders_product",
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
}
