package com.nightshift.reports.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.nightshift.calendar.IsoWeek;
import com.nightshift.reports.ReportPeriod;
import com.nightshift.support.DatabaseRoles;

/**
 * The figures come from the three rollup tables and nothing else: a role that may read only those tables reads
 * every kind of figure.
 */
class RollupFiguresTest {

    private static final String ROLLUPS_ONLY = "nightshift_rollup_reader";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 18);

    private static RollupFigures figures;

    @BeforeAll
    static void aRoleThatMayReadOnlyTheRollups() {
        String url = DatabaseRoles.leastPrivilegeDatabase("figures");
        JdbcTemplate owner = new JdbcTemplate(DatabaseRoles.as("postgres", url));
        owner.execute("""
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
                    END IF;
                END
                $$""".formatted(ROLLUPS_ONLY));
        owner.execute("GRANT SELECT ON rollup_store_daily, rollup_store_product_daily, rollup_store_channel_daily TO "
                + ROLLUPS_ONLY);
        owner.update("INSERT INTO rollup_store_daily VALUES (?, '北京朝阳店', 3, 4, 5, 60.00, 10.00, 50.00)", DAY);
        owner.update("INSERT INTO rollup_store_channel_daily VALUES (?, '北京朝阳店', '门店', 3, 5, 60.00, 10.00, 50.00)",
                DAY);
        owner.update("INSERT INTO rollup_store_product_daily VALUES (?, '北京朝阳店', '豆浆', 3, 5, 60.00, 10.00, 50.00)",
                DAY);
        figures = new RollupFigures(new NamedParameterJdbcTemplate(DatabaseRoles.as(ROLLUPS_ONLY, url)));
    }

    @Test
    void aStoreDayIsReadWithNoPrivilegeBeyondTheRollupTables() {
        Figures.StoreDay day = figures.storeDay("北京朝阳店", DAY);

        assertThat(day.headline().net()).isEqualByComparingTo("50.00");
        assertThat(day.previousDay().orders()).isZero();
        assertThat(day.channels()).extracting(Breakdown::name).containsExactly("门店");
        assertThat(day.topProducts()).extracting(Breakdown::name).containsExactly("豆浆");
    }

    @Test
    void aWeekIsReadWithNoPrivilegeBeyondTheRollupTables() {
        Figures.Week week = figures.week(ReportPeriod.week(IsoWeek.of(DAY)), null);

        assertThat(week.stores()).extracting(StoreWeek::store).containsExactly("北京朝阳店");
        assertThat(week.headline().orders()).isEqualTo(3);
    }

    @Test
    void aRegionWithNoStoresHasNoFigures() {
        Figures.Week week = figures.week(ReportPeriod.week(IsoWeek.of(DAY)), List.of());

        assertThat(week.stores()).isEmpty();
        assertThat(week.headline().orders()).isZero();
        assertThat(week.channels()).isEmpty();
    }
}
