package com.nightshift.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Fire times on fixed instants: ordinary days, and both daylight-saving changes in two zones that have them
 * (Europe/Berlin: 2026-03-29 02:00 CET becomes 03:00 CEST, 2026-10-25 03:00 CEST becomes 02:00 CET;
 * America/New_York: 2026-03-08 02:00 EST becomes 03:00 EDT, 2026-11-01 02:00 EDT becomes 01:00 EST).
 */
class FireTimesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aDailyScheduleInShanghaiFiresAtItsLocalTimeEachDay() {
        assertThat(FireTimes.of("0 0 7 * * ?", SHANGHAI).next(Instant.parse("2026-12-07T00:00:00Z"), 3))
                .containsExactly(Instant.parse("2026-12-07T23:00:00Z"), Instant.parse("2026-12-08T23:00:00Z"),
                        Instant.parse("2026-12-09T23:00:00Z"));
    }

    @Test
    void aScheduleEvery15MinutesFiresOnTheQuarterHours() {
        assertThat(FireTimes.of("0 0/15 * * * ?", SHANGHAI).next(Instant.parse("2026-12-07T00:07:00Z"), 4))
                .containsExactly(Instant.parse("2026-12-07T00:15:00Z"), Instant.parse("2026-12-07T00:30:00Z"),
                        Instant.parse("2026-12-07T00:45:00Z"), Instant.parse("2026-12-07T01:00:00Z"));
    }

    @Test
    void nextFiresStrictlyAfterTheInstantGiven() {
        assertThat(FireTimes.of("0 0 7 * * ?", SHANGHAI).nextAfter(Instant.parse("2026-12-07T23:00:00Z")))
                .contains(Instant.parse("2026-12-08T23:00:00Z"));
    }

    @Test
    void weeklyMondayFiresAreAWeekApart() {
        assertThat(FireTimes.of("0 30 7 ? * MON", SHANGHAI).next(Instant.parse("2026-12-01T00:00:00Z"), 2))
                .containsExactly(Instant.parse("2026-12-06T23:30:00Z"), Instant.parse("2026-12-13T23:30:00Z"));
    }

    @Test
    void betweenCountsTheFiresAfterItsStartUpToAndIncludingItsEnd() {
        FireTimes daily = FireTimes.of("0 0 1 * * ?", SHANGHAI);
        // 01:00 in Shanghai is 17:00 UTC the day before: the start is excluded, the end included
        assertThat(daily.between(Instant.parse("2026-12-01T17:00:00Z"), Instant.parse("2026-12-08T17:00:00Z"), 100))
                .hasSize(7).first().isEqualTo(Instant.parse("2026-12-02T17:00:00Z"));
    }

    @Test
    void betweenStopsAtItsMaximumWithTheOldestFires() {
        FireTimes daily = FireTimes.of("0 0 1 * * ?", SHANGHAI);
        assertThat(daily.between(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z"), 3))
                .containsExactly(Instant.parse("2026-12-01T17:00:00Z"), Instant.parse("2026-12-02T17:00:00Z"),
                        Instant.parse("2026-12-03T17:00:00Z"));
    }

    @Test
    void betweenIsEmptyWhenNothingFires() {
        assertThat(FireTimes.of("0 0 1 * * ?", SHANGHAI).between(Instant.parse("2026-12-01T17:00:00Z"),
                Instant.parse("2026-12-02T16:59:59Z"), 10)).isEmpty();
    }

    @Test
    void nextCountsAsManyAsAsked() {
        assertThat(FireTimes.of("0 0/15 * * * ?", BERLIN).next(Instant.parse("2026-12-07T00:00:00Z"), 96))
                .hasSize(96).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aCronWithAYearStopsFiringAfterIt() {
        FireTimes lastDays = FireTimes.of("0 0 7 * * ? 2026", SHANGHAI);
        assertThat(lastDays.next(Instant.parse("2026-12-29T00:00:00Z"), 5))
                .containsExactly(Instant.parse("2026-12-29T23:00:00Z"), Instant.parse("2026-12-30T23:00:00Z"));
        assertThat(lastDays.nextAfter(Instant.parse("2026-12-30T23:00:00Z"))).isEmpty();
    }

    @Test
    void aBadCronIsRefusedInQuartzsWords() {
        assertThatThrownBy(() -> FireTimes.of("0 0 25 * * ?", SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Hour values must be between 0 and 23");
    }

    @Test
    void inBerlinADailyTimeThatDoesNotExistFiresOnceAsMuchLaterAsTheClocksJumped() {
        assertThat(localFiresOn("0 30 2 * * ?", BERLIN, LocalDate.of(2026, 3, 29)))
                .containsExactly(LocalDateTime.parse("2026-03-29T03:30"));
    }

    @Test
    void inBerlinTheDaysAroundSpringForwardFireAtTheirUsualTime() {
        assertThat(FireTimes.of("0 30 2 * * ?", BERLIN).between(Instant.parse("2026-03-28T00:00:00Z"),
                Instant.parse("2026-03-31T00:00:00Z"), 10)).containsExactly(Instant.parse("2026-03-28T01:30:00Z"),
                Instant.parse("2026-03-29T01:30:00Z"), Instant.parse("2026-03-30T00:30:00Z"));
    }

    @Test
    void inBerlinEvery30MinutesHasNoDuplicateWhereTheSkippedHourLands() {
        assertThat(localFiresOn("0 0/30 * * * ?", BERLIN, LocalDate.of(2026, 3, 29)).subList(0, 7)).containsExactly(
                LocalDateTime.parse("2026-03-29T00:00"), LocalDateTime.parse("2026-03-29T00:30"),
                LocalDateTime.parse("2026-03-29T01:00"), LocalDateTime.parse("2026-03-29T01:30"),
                LocalDateTime.parse("2026-03-29T03:00"), LocalDateTime.parse("2026-03-29T03:30"),
                LocalDateTime.parse("2026-03-29T04:00"));
    }

    @Test
    void inBerlinSpringForwardDayHasEveryQuarterHourOfItsTwentyThreeHoursOnce() {
        assertThat(localFiresOn("0 0/15 * * * ?", BERLIN, LocalDate.of(2026, 3, 29)))
                .hasSize(23 * 4).doesNotHaveDuplicates();
    }

    @Test
    void inBerlinADailyTimeThatOccursTwiceFiresOnlyAtItsFirstOccurrence() {
        assertThat(FireTimes.of("0 30 2 * * ?", BERLIN).between(Instant.parse("2026-10-24T12:00:00Z"),
                Instant.parse("2026-10-25T12:00:00Z"), 10)).containsExactly(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void inBerlinEvery15MinutesFiresNoLocalTimeTwiceWhenTheClocksGoBack() {
        List<LocalDateTime> fires = localFiresOn("0 0/15 * * * ?", BERLIN, LocalDate.of(2026, 10, 25));
        assertThat(fires).hasSize(24 * 4).doesNotHaveDuplicates();
    }

    @Test
    void inBerlinEvery15MinutesPausesForTheRepeatedHour() {
        // 02:45 CEST is 00:45 UTC; 02:00 to 02:45 CET (01:00 to 01:45 UTC) repeat local times already fired
        assertThat(FireTimes.of("0 0/15 * * * ?", BERLIN).nextAfter(Instant.parse("2026-10-25T00:45:00Z")))
                .contains(Instant.parse("2026-10-25T02:00:00Z"));
    }

    @Test
    void fromInsideTheRepeatedHourTheNextFireIsAfterIt() {
        // 02:10 CET, the second pass of 02:10: the local times up to 02:59 have fired in the first pass
        assertThat(FireTimes.of("0 0/15 * * * ?", BERLIN).nextAfter(Instant.parse("2026-10-25T01:10:00Z")))
                .contains(Instant.parse("2026-10-25T02:00:00Z"));
    }

    @Test
    void fromJustAfterTheJumpTheShiftedFireIsStillAhead() {
        // 03:15 CEST: the daily 02:30, which does not exist that day, fires at 03:30 CEST
        assertThat(FireTimes.of("0 30 2 * * ?", BERLIN).nextAfter(Instant.parse("2026-03-29T01:15:00Z")))
                .contains(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void inNewYorkADailyTimeThatDoesNotExistFiresOnceAsMuchLaterAsTheClocksJumped() {
        assertThat(FireTimes.of("0 30 2 * * ?", NEW_YORK).between(Instant.parse("2026-03-08T00:00:00Z"),
                Instant.parse("2026-03-09T00:00:00Z"), 10)).containsExactly(Instant.parse("2026-03-08T07:30:00Z"));
    }

    @Test
    void inNewYorkEvery30MinutesHasNoDuplicateAt3() {
        List<LocalDateTime> fires = localFiresOn("0 0/30 * * * ?", NEW_YORK, LocalDate.of(2026, 3, 8));
        assertThat(fires).hasSize(23 * 2).doesNotHaveDuplicates()
                .containsSubsequence(LocalDateTime.parse("2026-03-08T01:30"), LocalDateTime.parse("2026-03-08T03:00"),
                        LocalDateTime.parse("2026-03-08T03:30"));
    }

    @Test
    void inNewYorkADailyTimeThatOccursTwiceFiresOnlyAtItsFirstOccurrence() {
        // 01:30 EDT is 05:30 UTC; 01:30 EST (06:30 UTC) does not fire
        assertThat(FireTimes.of("0 30 1 * * ?", NEW_YORK).between(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-02T00:00:00Z"), 10)).containsExactly(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    void inNewYorkEvery15MinutesFiresNoLocalTimeTwiceWhenTheClocksGoBack() {
        assertThat(localFiresOn("0 0/15 * * * ?", NEW_YORK, LocalDate.of(2026, 11, 1)))
                .hasSize(24 * 4).doesNotHaveDuplicates();
    }

    @Test
    void aFrequentScheduleIsPreviewedAcrossATransitionWithoutScanningTheWallClock() {
        // regression: each fire within a day of a transition scanned three hours of the cron's local times, so a
        // schedule every 2 s took 16 ms a fire there and a preview of 1,000 fires 16 s (now a few milliseconds)
        FireTimes everyTwoSeconds = FireTimes.of("0/2 * * * * ?", BERLIN);
        List<Instant> fires = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> everyTwoSeconds.next(Instant.parse("2026-03-29T00:50:00Z"), 1000));
        assertThat(fires).hasSize(1000).doesNotHaveDuplicates().isSorted()
                .contains(Instant.parse("2026-03-29T00:59:58Z"), Instant.parse("2026-03-29T01:00:00Z"));
    }

    /** The fires whose local time falls on the date, as local times, in order. */
    private static List<LocalDateTime> localFiresOn(String cron, ZoneId zone, LocalDate date) {
        Instant start = date.atStartOfDay(zone).toInstant().minusSeconds(1);
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
        return FireTimes.of(cron, zone).between(start, end, 1000).stream()
                .map(fire -> ZonedDateTime.ofInstant(fire, zone).toLocalDateTime()).toList();
    }
}
