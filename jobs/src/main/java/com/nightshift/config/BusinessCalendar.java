package com.nightshift.config;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * Which business day it is for the chain, in its own time zone ({@code nightshift.zone}) whatever the server's:
 * the rollup's default range and the cache's hot window both end yesterday, and must agree on when that is.
 */
@Component
public class BusinessCalendar {

    private final Clock clock;

    BusinessCalendar(Clock clock, NightshiftProperties properties) {
        this.clock = clock.withZone(properties.zone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public LocalDate yesterday() {
        return today().minusDays(1);
    }
}
