package com.nightshift.rollup.sql;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.CliRun;
import com.nightshift.support.DatabaseRoles;
import com.nightshift.support.Migrations;
import com.nightshift.support.TestServers;

/** What changeset 009 does to a database that ran time-based incremental rollups before it. */
class WatermarkUpgradeTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @Test
    void aStoreDayThatLostItsLastLineBeforeTheUpgradeLosesItsRowsInTheFirstRunAfterIt() throws Exception {
        String jdbcUrl = TestServers.get().newDatabase("upgrade");
        Migrations.apply(jdbcUrl, "classpath:changelog-before-009.xml");
        JdbcTemplate owner = new JdbcTemplate(DatabaseRoles.as("postgres", jdbcUrl));
        long line = aLine().store("成都锦江店").on(DAY).insert(owner);
        aLine().store("北京朝阳店").on(DAY).insert(owner);
        // as a time-based run left it: the line rolled up, the watermark after it; then the line is deleted,
        // which only the old trigger's note remembers
        owner.update("INSERT INTO rollup_store_daily (store_name, business_date, orders, lines, quantity, gross_amount,"
                + " refund_amount, net_amount) VALUES ('成都锦江店', ?, 1, 1, 1, 32.50, 0, 32.50)", DAY);
        owner.update("INSERT INTO rollup_watermark (id, changed_before) VALUES (1, now())");
        owner.update("DELETE FROM orders WHERE id = ?", line);

        Migrations.apply(jdbcUrl);
        CliRun run = CliRun.onDatabase(jdbcUrl, "run", "rollup", "mode=incremental");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(owner.queryForList("SELECT store_name FROM rollup_store_daily", String.class))
                .containsExactly("北京朝阳店");
    }
}
