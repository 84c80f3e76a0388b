package com.nightshift.health.data;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.config.BusinessCalendar;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthQueriesOn;
import com.nightshift.health.HealthState;
import com.nightshift.ops.JobRunner;
import com.nightshift.support.DatabaseRoles;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RollupTableState;

/**
 * The DATA checks against rollups made by the rollup job on the embedded PostgreSQL, then tampered with, left
 * behind, or fed broken lines.
 */
class DataChecksTest extends IntegrationTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);
    private static final String CHAOYANG = "北京朝阳店";
    private static final String XIHU = "杭州西湖店";

    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HealthQueries queries;
    @Autowired
    DataThresholds defaults;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    DriftCheck drift;
    @Autowired
    RollupFreshnessCheck freshness;
    @Autowired
    QuarantineCheck quarantine;

    @BeforeEach
    void emptyRollups() {
        RollupTableState.clear(jdbc);
        jdbc.execute("TRUNCATE rollup_store_day_state");
    }

    @Test
    void rollupsEqualToTheirLinesAreOk() throws Exception {
        twoStoresOnTwoDaysRolledUp();

        CheckResult result = drift.run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).isEqualTo("4 store-days sampled at random: their rollups equal their order "
                + "lines to the cent.");
    }

    @Test
    void aTamperedStoreTotalIsCritNamingTheStoreDayAndBothFigures() throws Exception {
        twoStoresOnTwoDaysRolledUp();
        jdbc.update("UPDATE rollup_store_daily SET gross_amount = gross_amount + 0.01, net_amount = net_amount + 0.01 "
                + "WHERE store_name = ? AND business_date = ?", XIHU, DAY);

        CheckResult result = drift.run();

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
        assertThat(result.message()).contains("in 1 of 4 store-days sampled",
                XIHU + " " + DAY + " store total: stored orders 2, lines 2, quantity 3, gross 40.01, refund 0.00, "
                        + "net 40.01, from the order lines orders 2, lines 2, quantity 3, gross 40.00, refund 0.00, "
                        + "net 40.00", "mode=full from=" + DAY + " to=" + DAY);
        assertThat(result.values()).anyMatch(value -> value.name().equals("store_days_differing")
                && value.value() == 1);
    }

    @Test
    void aProductRowLostFromTheRollupIsCrit() throws Exception {
        twoStoresOnTwoDaysRolledUp();
        jdbc.update("DELETE FROM rollup_store_product_daily WHERE store_name = ? AND business_date = ? "
                + "AND product_name = '酸梅汤'", CHAOYANG, DAY);

        CheckResult result = drift.run();

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
        assertThat(result.message()).contains(CHAOYANG + " " + DAY + " product '酸梅汤': stored no row, from the "
                + "order lines orders 1, quantity 2, gross 8.00");
    }

    @Test
    void aLineAddedAfterItsStoreDaysRollupIsNotDrift() throws Exception {
        twoStoresOnTwoDaysRolledUp();
        aLine().store(XIHU).on(DAY).amount("99.00").insert(jdbc);

        CheckResult result = drift.run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).startsWith("3 store-days sampled");
    }

    @Test
    void yesterdayRolledUpForEveryStoreWithLinesIsOk() throws Exception {
        LocalDate yesterday = calendar.yesterday();
        aLine().store(CHAOYANG).on(yesterday).insert(jdbc);
        aLine().store(XIHU).on(yesterday).insert(jdbc);
        rollUp(yesterday, yesterday);

        CheckResult result = freshness.run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).startsWith("Yesterday (" + yesterday + ") is rolled up for all 2 stores with "
                + "lines; 0 store-days wait");
    }

    @Test
    void aStoreWithLinesYesterdayAndNoRollupIsCritNamingIt() throws Exception {
        LocalDate yesterday = calendar.yesterday();
        aLine().store(CHAOYANG).on(yesterday).insert(jdbc);
        rollUp(yesterday, yesterday);
        aLine().store(XIHU).on(yesterday).insert(jdbc);

        CheckResult result = freshness.run();

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
        assertThat(result.message()).contains("yesterday (" + yesterday + ") is not rolled up for 1 of the 2 stores "
                + "with lines: " + XIHU, "mode=full from=" + yesterday);
    }

    @Test
    void changesWaitingLongerThanTheThresholdSinceTheLastIncrementalRunAreWarn() throws Exception {
        rollUpIncrementally();
        aLine().store(XIHU).on(DAY).insert(jdbc);
        RollupFreshnessCheck impatient = new RollupFreshnessCheck(queries, new DataThresholds(Duration.ofMillis(1),
                Duration.ofHours(1), defaults.driftSample(), defaults.quarantineWarn(), defaults.quarantineCrit()),
                calendar);

        CheckResult result = impatient.run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("1 store-days changed after their rollup are waiting (" + XIHU + " "
                + DAY + ")", "the last incremental run planned 0 min ago", "mode=incremental");
    }

    @Test
    void changesWaitingForTheNextIncrementalRunWithinTheThresholdAreOk() throws Exception {
        rollUpIncrementally();
        aLine().store(XIHU).on(DAY).insert(jdbc);

        CheckResult result = freshness.run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).contains("1 store-days wait for the next incremental run");
    }

    @Test
    void changesWaitingBeforeAnyIncrementalRunAreWarn() {
        aLine().store(XIHU).on(DAY).insert(jdbc);

        CheckResult result = freshness.run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("no incremental rollup has completed yet");
    }

    @Test
    void linesQuarantinedSinceThePreviousHealthRunAreWarnCountedPerStoreAndReason() throws Exception {
        aHealthRun();
        aLine().store(CHAOYANG).on(DAY).quantity(0).insertDirty(jdbc);
        aLine().store(CHAOYANG).on(DAY).quantity(0).insertDirty(jdbc);
        aLine().store(XIHU).on(DAY).status("lost").insertDirty(jdbc);
        rollUp(DAY, DAY);

        CheckResult result = quarantine.run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("3 order lines quarantined since the previous health run",
                CHAOYANG + ": quantity 0 on a completed line 2", XIHU + ": unknown status 'lost' 1",
                "rollup_quarantine");
    }

    @Test
    void linesQuarantinedBeforeThePreviousHealthRunAreNotReportedAgain() throws Exception {
        aLine().store(CHAOYANG).on(DAY).quantity(0).insertDirty(jdbc);
        rollUp(DAY, DAY);
        aHealthRun();

        CheckResult result = quarantine.run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).startsWith("No order line quarantined since the previous health run");
    }

    @Test
    void aRoleThatMayNotReadTheRollupsSaysWhatToGrant() {
        String database = DatabaseRoles.leastPrivilegeDatabase("health_data");
        HealthQueries asPointOfSale = HealthQueriesOn.dataSource(DatabaseRoles.as(DatabaseRoles.POINT_OF_SALE,
                database));

        CheckResult result = new DriftCheck(asPointOfSale, defaults).run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).startsWith("could not check: the database role 'nightshift_pos'")
                .contains("permission denied for table rollup_", "GRANT SELECT ON rollup_")
                .endsWith(" TO nightshift_pos");
    }

    /**
     * 北京朝阳店 and 杭州西湖店 on DAY and the day after; 北京朝阳店's DAY has two products, 杭州西湖店's DAY two orders
     * of 20.00 with quantities 1 and 2.
     */
    private void twoStoresOnTwoDaysRolledUp() throws Exception {
        aLine().store(CHAOYANG).on(DAY).product("招牌牛肉面").amount("32.50").insert(jdbc);
        aLine().store(CHAOYANG).on(DAY).product("酸梅汤").quantity(2).amount("8.00").insert(jdbc);
        aLine().store(XIHU).on(DAY).amount("20.00").insert(jdbc);
        aLine().store(XIHU).on(DAY).quantity(2).amount("20.00").insert(jdbc);
        aLine().store(CHAOYANG).on(DAY.plusDays(1)).insert(jdbc);
        aLine().store(XIHU).on(DAY.plusDays(1)).refunded().insert(jdbc);
        rollUp(DAY, DAY.plusDays(1));
    }

    private void rollUp(LocalDate from, LocalDate to) throws Exception {
        assertThat(runner.run("rollup", Map.of("mode", "full", "from", from.toString(), "to", to.toString()))
                .getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private void rollUpIncrementally() throws Exception {
        aLine().store(CHAOYANG).on(DAY).insert(jdbc);
        assertThat(runner.run("rollup", Map.of("mode", "incremental")).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
    }

    private void aHealthRun() throws Exception {
        assertThat(runner.run("health", Map.of()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }
}
