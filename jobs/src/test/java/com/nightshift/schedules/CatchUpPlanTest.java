package com.nightshift.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CatchUpPlanTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 01:00 in Shanghai on 2026-12-01 .. 2026-12-05: business dates 11-30 .. 12-04. */
    private static final List<Instant> FIVE_NIGHTS = FireTimes.of("0 0 1 * * ?", SHANGHAI)
            .between(Instant.parse("2026-11-29T17:00:00Z"), Instant.parse("2026-12-04T17:00:00Z"), 10);

    @Test
    void eachMissedBusinessDateRunsOnceOldestFirst() {
        List<CatchUpPlan.Fire> plan = CatchUpPlan.of(daily(7), FIVE_NIGHTS, parameters -> false);

        assertThat(plan).extracting(fire -> fire.parameters().get("from"))
                .containsExactly("2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04");
        assertThat(plan).extracting(CatchUpPlan.Fire::time).containsExactlyElementsOf(FIVE_NIGHTS);
    }

    @Test
    void datesWhoseRunAlreadyCompletedAreLeftOut() {
        Set<String> completed = Set.of("2026-12-01", "2026-12-03");

        List<CatchUpPlan.Fire> plan = CatchUpPlan.of(daily(7), FIVE_NIGHTS,
                parameters -> completed.contains(parameters.get("from")));

        assertThat(plan).extracting(fire -> fire.parameters().get("from"))
                .containsExactly("2026-11-30", "2026-12-02", "2026-12-04");
    }

    @Test
    void onlyTheLatestDatesUpToTheLimitRun() {
        List<CatchUpPlan.Fire> plan = CatchUpPlan.of(daily(2), FIVE_NIGHTS, parameters -> false);

        assertThat(plan).extracting(fire -> fire.parameters().get("from")).containsExactly("2026-12-03", "2026-12-04");
    }

    @Test
    void firesResolvingToTheSameParametersRunOnceAtTheLatestOfThem() {
        List<Instant> everyHourOfADay = FireTimes.of("0 0 * * * ?", SHANGHAI)
                .between(Instant.parse("2026-11-30T16:30:00Z"), Instant.parse("2026-12-01T20:30:00Z"), 100);
        ScheduleDefinition weekly = new ScheduleDefinition("weekly", "report", "0 0 * * * ?", SHANGHAI,
                Map.of("report", "chain-weekly", "week", "${lastIsoWeek}"), Misfire.CATCH_UP, 7, true, "weekly.yml");

        List<CatchUpPlan.Fire> plan = CatchUpPlan.of(weekly, everyHourOfADay, parameters -> false);

        assertThat(plan).singleElement().satisfies(fire -> {
            assertThat(fire.time()).isEqualTo(everyHourOfADay.get(everyHourOfADay.size() - 1));
            assertThat(fire.parameters()).containsEntry("week", "2026-W48");
        });
    }

    private static ScheduleDefinition daily(int limit) {
        return new ScheduleDefinition("nightly", "rollup", "0 0 1 * * ?", SHANGHAI,
                Map.of("mode", "full", "from", "${yesterday}", "to", "${yesterday}"), Misfire.CATCH_UP, limit, true,
                "nightly.yml");
    }
}
