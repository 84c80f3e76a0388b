package com.nightshift.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nightshift.reports.ReportSubject;

/** Bursting: who receives which report, and that nobody receives another store's figures. */
class RecipientDirectoryTest {

    private static final Recipient ZHANG = person(1, "zhang@example.com", List.of("北京朝阳店"), List.of(), false);
    private static final Recipient WANG = person(2, "wang@example.com", List.of("上海浦东店"), List.of(), false);
    private static final Recipient LI = person(3, "li@example.com", List.of(), List.of("华北"), false);
    private static final Recipient HQ = person(4, "hq@example.com", List.of(), List.of(), true);
    private static final RecipientDirectory DIRECTORY = new RecipientDirectory(regions(), List.of(ZHANG, WANG, LI, HQ));

    @Test
    void aStoreManagerGetsTheirStoresDailyReportAndNoOtherStores() {
        assertThat(DIRECTORY.receiving(ReportSubject.store("北京朝阳店"))).contains(ZHANG);
        assertThat(DIRECTORY.receiving(ReportSubject.store("天津滨江道店"))).doesNotContain(ZHANG);
        assertThat(DIRECTORY.receiving(ReportSubject.store("上海浦东店"))).doesNotContain(ZHANG);
    }

    @Test
    void aRegionalManagerGetsEveryStoreOfTheirRegionAndNoneElsewhere() {
        assertThat(DIRECTORY.receiving(ReportSubject.store("北京朝阳店"))).containsExactly(ZHANG, LI);
        assertThat(DIRECTORY.receiving(ReportSubject.store("天津滨江道店"))).containsExactly(LI);
        assertThat(DIRECTORY.receiving(ReportSubject.store("上海浦东店"))).containsExactly(WANG);
    }

    @Test
    void aRegionsWeeklyReportGoesToItsRegionalManagersOnly() {
        assertThat(DIRECTORY.receiving(ReportSubject.region("华北"))).containsExactly(LI);
        assertThat(DIRECTORY.receiving(ReportSubject.region("华东"))).isEmpty();
    }

    @Test
    void theChainsWeeklyReportGoesToHeadOfficeOnly() {
        assertThat(DIRECTORY.receiving(ReportSubject.chain())).containsExactly(HQ);
    }

    @Test
    void headOfficeGetsNoStoreOrRegionReportUnlessTheFileSaysSo() {
        for (String store : List.of("北京朝阳店", "天津滨江道店", "上海浦东店")) {
            assertThat(DIRECTORY.receiving(ReportSubject.store(store))).doesNotContain(HQ);
        }
        assertThat(DIRECTORY.receiving(ReportSubject.region("华北"))).doesNotContain(HQ);
    }

    @Test
    void aStoreOutsideEveryRegionGoesOnlyToItsOwnManagers() {
        assertThat(DIRECTORY.receiving(ReportSubject.store("成都锦江店"))).isEmpty();
    }

    @Test
    void storesOfARegionAreItsDeclaredStoresInFileOrder() {
        assertThat(DIRECTORY.storesOf("华北")).containsExactly("北京朝阳店", "天津滨江道店");
        assertThat(DIRECTORY.storesOf("西北")).isEmpty();
        assertThat(DIRECTORY.regions().keySet()).containsExactly("华北", "华东");
    }

    private static Map<String, List<String>> regions() {
        Map<String, List<String>> regions = new LinkedHashMap<>();
        regions.put("华北", List.of("北京朝阳店", "天津滨江道店"));
        regions.put("华东", List.of("上海浦东店"));
        return regions;
    }

    private static Recipient person(long id, String email, List<String> stores, List<String> regions,
                                    boolean chain) {
        return new Recipient(id, email, email, Locale.SIMPLIFIED_CHINESE, stores, regions, chain);
    }
}
