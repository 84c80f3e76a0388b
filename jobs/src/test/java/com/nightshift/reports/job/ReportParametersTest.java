package com.nightshift.reports.job;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.beans.factory.annotation.Autowired;

import com.nightshift.calendar.IsoWeek;
import com.nightshift.ops.JobParametersParser;

/** The report job refuses bad parameters, and a bad recipients file, before anything is recorded. */
class ReportParametersTest extends ReportJobTestBase {

    @Autowired
    ReportParametersValidator validator;

    @Test
    void withoutParametersEveryReportOfYesterdayAndLastWeekIsRun() throws Exception {
        ReportRequest request = validator.read(JobParametersParser.toJobParameters(Map.of()),
                LocalDate.of(2026, 11, 30));

        assertThat(request.reports()).hasSize(3);
        assertThat(request.date()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(request.week()).isEqualTo(new IsoWeek(2026, 48));
        assertThat(request.store()).isNull();
        assertThat(request.region()).isNull();
    }

    @Test
    void onASundayLastWeekIsTheWeekThatHasJustEnded() throws Exception {
        ReportRequest request = validator.read(JobParametersParser.toJobParameters(Map.of()),
                LocalDate.of(2026, 11, 29));

        assertThat(request.week()).isEqualTo(new IsoWeek(2026, 48));
    }

    @Test
    void aGoodNarrowedRunIsAccepted() throws Exception {
        ordersRolledUp();

        assertThat(runner.run("report", Map.of("report", "store-daily", "date", DAY.toString(), "store", BEIJING))
                .getStatus().isUnsuccessful()).isFalse();
    }

    @Test
    void anUnknownReportIsRefusedNamingTheCatalog() {
        assertRefused(Map.of("report", "monthly"),
                "parameter 'report' must be all or one of chain-weekly, region-weekly, store-daily; was 'monthly'");
    }

    @Test
    void storeAndRegionTogetherAreRefused() {
        assertRefused(Map.of("store", BEIJING, "region", NORTH), "parameters 'store' and 'region' exclude each other");
    }

    @Test
    void aStoreCannotNarrowAWeeklyReport() {
        assertRefused(Map.of("report", "region-weekly", "store", BEIJING),
                "parameter 'store' narrows daily reports, and region-weekly is weekly");
    }

    @Test
    void aRegionCannotNarrowTheChainsReport() {
        assertRefused(Map.of("report", "chain-weekly", "region", NORTH),
                "parameter 'region' cannot narrow chain-weekly, which covers the whole chain");
    }

    @Test
    void aDateIsRefusedForAWeeklyReport() {
        assertRefused(Map.of("report", "chain-weekly", "date", DAY.toString()),
                "parameter 'date' applies to daily reports, and chain-weekly is weekly");
    }

    @Test
    void aWeekIsRefusedForADailyReport() {
        assertRefused(Map.of("report", "store-daily", "week", WEEK),
                "parameter 'week' applies to weekly reports, and store-daily is daily");
    }

    @Test
    void aDayThatIsNotOverIsRefused() {
        assertRefused(Map.of("date", "2099-01-01"), "parameter 'date' is 2099-01-01, a business day that is not over");
    }

    @Test
    void aWeekThatIsNotOverIsRefused() {
        assertRefused(Map.of("week", "2099-W01"), "parameter 'week' is 2099-W01, a week that is not over");
    }

    @Test
    void aMalformedWeekIsRefusedWithItsForm() {
        assertRefused(Map.of("week", "2026-48"), "parameter 'week' must be an ISO week such as 2026-W48");
    }

    @Test
    void aStoreWithoutRollupsIsRefused() throws Exception {
        ordersRolledUp();

        assertRefused(Map.of("store", "北京朝阳区店"), "parameter 'store' is '北京朝阳区店', a store the rollups have no "
                + "figures for");
    }

    @Test
    void aStoreWhoseReportsNobodyReceivesIsRefused() throws Exception {
        aLine().store("广州天河店").on(DAY).amount("88.00").insert(jdbc);
        ordersRolledUp();

        assertRefused(Map.of("store", "广州天河店"), "parameter 'store' is '广州天河店', whose reports nobody in the "
                + "recipients file receives");
    }

    @Test
    void aRegionTheRecipientsFileDoesNotDeclareIsRefusedNamingItsRegions() {
        assertRefused(Map.of("region", "华南"), "parameter 'region' is '华南', which the recipients file does not "
                + "declare; its regions are [华东, 华北]");
    }

    @Test
    void aBadRecipientsFileIsRefusedWithItsMessagesAndNothingIsRenderedOrSent() throws Exception {
        ordersRolledUp();
        recipientsFile("""
                regions:
                  华北: [北京朝阳店, 天津滨江道店]
                recipients:
                  - {email: zhang.san@, name: 张三, stores: [北京朝阳店]}
                  - {email: li.si@example.com, name: 李四, regions: [华北]}
                  - {email: wang.wu@example.com, name: Wang Wu, language: en, stores: [北京朝阳区店]}
                """);

        assertRefused(Map.of("date", DAY.toString()), "the recipients file is wrong",
                recipientsPath() + ":4: malformed address 'zhang.san@'",
                recipientsPath() + ":6: unknown store '北京朝阳区店'");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_archive", Long.class)).isZero();
        assertThat(ledger()).isEmpty();
        assertThat(received()).isEmpty();
    }

    private void assertRefused(Map<String, String> parameters, String... message) {
        long executions = jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Long.class);
        assertThatThrownBy(() -> runner.run("report", parameters))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessageContainingAll(message);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Long.class))
                .as("nothing recorded").isEqualTo(executions);
    }
}
