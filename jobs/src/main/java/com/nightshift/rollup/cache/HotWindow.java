package com.nightshift.rollup.cache;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * The business days dashboards read most: the last {@code hotWindowDays} days ending yesterday in the chain's
 * time zone. Today is outside it because its rollup is still changing.
 */
@Component
class HotWindow {

    private final Clock clock;
    private final int days;

    HotWindow(RollupCacheProperties properties, Clock clock) {
        this.clock = clock.withZone(properties.zone());
        this.days = properties.hotWindowDays();
    }

    DateRange range() {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        return new DateRange(yesterday.minusDays(days - 1L), yesterday);
    }
}
