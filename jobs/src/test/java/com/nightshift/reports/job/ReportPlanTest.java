package com.nightshift.reports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nightshift.calendar.IsoWeek;
import com.nightshift.recipients.Recipient;
import com.nightshift.recipients.RecipientDirectory;
import com.nightshift.reports.ReportDefinition;
import com.nightshift.reports.ReportScope;

/** Bursting: which reports a run renders, in which languages, and which store-days each is filled from. */
class ReportPlanTest {

    private static final ReportDefinition STORE_DAILY =
            new ReportDefinition("store-daily", "store-daily.jrxml", ReportScope.STORE_DAY);
    private static final ReportDefinition REGION_WEEKLY =
            new ReportDefinition("region-weekly", "region-weekly.jrxml", ReportScope.REGION_WEEK);
    private static final ReportDefinition CHAIN_WEEKLY =
            new ReportDefinition("chain-weekly", "chain-weekly.jrxml", ReportScope.CHAIN_WEEK);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 5);
    private static final IsoWeek WEEK = new IsoWeek(2026, 45);
    private static final RecipientDirectory DIRECTORY = new RecipientDirectory(
            Map.of("华北", List.of("北京朝阳店", "天津滨江道店"), "华东", List.of("上海浦东店")), List.of(
            new Recipient(1, "zhang@example.com", "张三", Locale.forLanguageTag("zh-CN"), List.of("北京朝阳店"),
                    List.of(), false),
            new Recipient(2, "li@example.com", "李四", Locale.ENGLISH, List.of(), List.of("华北"), false),
            new Recipient(3, "hq@example.com", "HQ", Locale.ENGLISH, List.of(), List.of(), true)));

    @Test
    void everyReceivedSubjectIsRenderedOncePerLanguageOfItsRecipients() {
        List<PlannedReport> planned = plan(null, null);

        assertThat(planned).extracting(report -> report.label() + " " + report.languages()).containsExactly(
                "store-daily 北京朝阳店 2026-11-05 [en, zh_CN]",
                "store-daily 天津滨江道店 2026-11-05 [en]",
                "region-weekly 华北 2026-W45 [en]",
                "chain-weekly chain 2026-W45 [en]");
    }

    @Test
    void aSubjectNobodyReceivesIsNotRendered() {
        assertThat(plan(null, null)).extracting(PlannedReport::label)
                .noneMatch(label -> label.contains("上海浦东店") || label.contains("华东"));
    }

    @Test
    void aRegionNarrowsToItsStoresAndItsWeeklyReportButNotTheChains() {
        assertThat(plan(null, "华北")).extracting(PlannedReport::label).containsExactly(
                "store-daily 北京朝阳店 2026-11-05", "store-daily 天津滨江道店 2026-11-05", "region-weekly 华北 2026-W45");
    }

    @Test
    void aStoreNarrowsToItsDailyReportOnly() {
        assertThat(plan("天津滨江道店", null)).extracting(PlannedReport::label)
                .containsExactly("store-daily 天津滨江道店 2026-11-05");
    }

    @Test
    void aStoresDayIsComparedWithTheDayBeforeAndTheSameWeekdayAWeekEarlier() {
        PlannedReport.StoreDays storeDays = plan("北京朝阳店", null).get(0).storeDays();

        assertThat(storeDays.stores()).containsExactly("北京朝阳店");
        assertThat(storeDays.dates()).containsExactly(DAY.minusWeeks(1), DAY.minusDays(1), DAY);
    }

    @Test
    void aRegionsWeekCoversItsStoresOverTheWeekAndTheWeekBefore() {
        PlannedReport.StoreDays storeDays = plan(null, "华北").get(2).storeDays();

        assertThat(storeDays.stores()).containsExactly("北京朝阳店", "天津滨江道店");
        assertThat(storeDays.dates()).hasSize(14).startsWith(LocalDate.of(2026, 10, 26))
                .endsWith(LocalDate.of(2026, 11, 8));
    }

    @Test
    void theChainsWeekCoversEveryStore() {
        assertThat(plan(null, null).get(3).storeDays().stores()).isNull();
    }

    private static List<PlannedReport> plan(String store, String region) {
        return ReportPlan.of(new ReportRequest(List.of(STORE_DAILY, REGION_WEEKLY, CHAIN_WEEKLY), DAY, WEEK, store,
                region), DIRECTORY);
    }
}
