package com.nightshift.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nightshift.health.job.HealthRequest;
import com.nightshift.job.JobDescription;
import com.nightshift.maintenance.MaintenanceRequest;
import com.nightshift.reports.job.ReportRequest;
import com.nightshift.rollup.job.RollupRequest;

/** The schedules shipped in the jar ({@code classpath:schedules/}, the repository's {@code schedules/}). */
class ShippedSchedulesTest {

    /** The jobs this version has, as the command line knows them ({@code cli.KnownJobs.ALL}). */
    private static final List<JobDescription> JOBS = List.of(RollupRequest.DESCRIPTION, ReportRequest.DESCRIPTION,
            HealthRequest.DESCRIPTION, MaintenanceRequest.DESCRIPTION);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final List<ScheduleDefinition> shipped = new ScheduleFolder("", ZoneId.of("UTC"), 7).load(JOBS);

    @Test
    void theBundledFolderIsValidAgainstTheJobsThereAre() {
        assertThat(shipped).extracting(ScheduleDefinition::name).containsExactlyInAnyOrder("rollup-incremental",
                "rollup-full", "report-store-daily", "report-region-weekly", "report-chain-weekly", "health-check",
                "maintenance");
    }

    @Test
    void everyShippedScheduleIsInShanghai() {
        assertThat(shipped).extracting(ScheduleDefinition::zone).containsOnly(SHANGHAI);
    }

    @Test
    void theIncrementalRollupRunsEvery15MinutesAndSkipsWhatItMissed() {
        assertThat(named("rollup-incremental")).isEqualTo(new ScheduleDefinition("rollup-incremental", "rollup",
                "0 0/15 * * * ?", SHANGHAI, Map.of("mode", "incremental"), Misfire.SKIP, 7, true,
                "classpath:schedules/rollup-incremental.yml"));
    }

    @Test
    void theFullRollupOfYesterdayRunsAt1AndCatchesUp() {
        assertThat(named("rollup-full")).isEqualTo(new ScheduleDefinition("rollup-full", "rollup", "0 0 1 * * ?",
                SHANGHAI, Map.of("mode", "full", "from", "${yesterday}", "to", "${yesterday}"), Misfire.CATCH_UP, 7,
                true, "classpath:schedules/rollup-full.yml"));
    }

    @Test
    void theStoreDailyReportOfYesterdayRunsAt7AndCatchesUp() {
        ScheduleDefinition daily = named("report-store-daily");
        assertThat(daily.job()).isEqualTo("report");
        assertThat(daily.cron()).isEqualTo("0 0 7 * * ?");
        assertThat(daily.parameters()).isEqualTo(Map.of("report", "store-daily", "date", "${yesterday}"));
        assertThat(daily.misfire()).isEqualTo(Misfire.CATCH_UP);
        assertThat(daily.enabled()).isTrue();
    }

    @Test
    void theWeeklyReportsOfLastIsoWeekRunOnMondayAt0730AndCatchUp() {
        for (String report : List.of("region-weekly", "chain-weekly")) {
            ScheduleDefinition weekly = named("report-" + report);
            assertThat(weekly.job()).isEqualTo("report");
            assertThat(weekly.cron()).isEqualTo("0 30 7 ? * MON");
            assertThat(weekly.parameters()).isEqualTo(Map.of("report", report, "week", "${lastIsoWeek}"));
            assertThat(weekly.misfire()).isEqualTo(Misfire.CATCH_UP);
            assertThat(weekly.enabled()).isTrue();
        }
    }

    @Test
    void theHealthCheckRunsEveryNightAtTwo() {
        assertThat(named("health-check")).extracting(ScheduleDefinition::job, ScheduleDefinition::cron,
                ScheduleDefinition::zone, ScheduleDefinition::parameters, ScheduleDefinition::misfire,
                ScheduleDefinition::enabled)
                .containsExactly("health", "0 0 2 * * ?", SHANGHAI, Map.of(), Misfire.SKIP, true);
    }

    @Test
    void maintenanceRunsOnSundayAtThreeAndSkipsWhatItMissed() {
        assertThat(named("maintenance")).extracting(ScheduleDefinition::job, ScheduleDefinition::cron,
                ScheduleDefinition::zone, ScheduleDefinition::parameters, ScheduleDefinition::misfire,
                ScheduleDefinition::enabled)
                .containsExactly("maintenance", "0 0 3 ? * SUN", SHANGHAI, Map.of(), Misfire.SKIP, true);
    }

    private ScheduleDefinition named(String name) {
        return shipped.stream().filter(schedule -> schedule.name().equals(name)).findFirst().orElseThrow();
    }
}
