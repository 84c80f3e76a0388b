package com.nightshift.rollup.cache;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import com.nightshift.config.BusinessCalendar;

/**
 * The business days dashboards read most: the last {@code hotWindowDays} days ending yesterday in the chain's
 * time zone. Today is outside it because its rollup is still changing.
 */
@Component
class HotWindow {

    private final BusinessCalendar calendar;
    private final int days;

    HotWindow(RollupCacheProperties properties, BusinessCalendar calendar) {
        this.calendar = calendar;
        this.days = properties.hotWindowDays();
    }

    DateRange range() {
        LocalDate yesterday = calendar.yesterday();
        return new DateRange(yesterday.minusDays(days - 1L), yesterday);
    }
}
