package com.nightshift.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    // 01:00 on 25 November in Shanghai, still 24 November on a server running in UTC
    private static final Clock SHANGHAI_EARLY_MORNING = Clock.fixed(Instant.parse("2026-11-24T17:00:00Z"),
            ZoneOffset.UTC);

    @Test
    void yesterdayIsTheDayBeforeTodayInTheChainsZoneNotTheServers() {
        BusinessCalendar calendar = new BusinessCalendar(SHANGHAI_EARLY_MORNING,
                new NightshiftProperties(Path.of("data"), ZoneId.of("Asia/Shanghai")));

        assertThat(calendar.today()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(calendar.yesterday()).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void anotherZoneMovesTheBusinessDay() {
        BusinessCalendar calendar = new BusinessCalendar(SHANGHAI_EARLY_MORNING,
                new NightshiftProperties(Path.of("data"), ZoneId.of("UTC")));

        assertThat(calendar.yesterday()).isEqualTo(LocalDate.of(2026, 11, 23));
    }
}
