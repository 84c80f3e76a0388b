package com.nightshift.schedules;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the schedules come from and how fires are handled.
 *
 * @param dir               the folder of schedule files ({@code *.yml}); empty for the ones bundled in the jar
 *                          (the repository's top-level {@code schedules/})
 * @param lateAfter         how late a fire may start and still count as on time; a later one is a misfire,
 *                          handled by the schedule's {@code misfire}
 * @param defaultCatchUpLimit the most missed business dates a catch-up schedule runs when its file does not say
 */
@ConfigurationProperties("nightshift.schedules")
public record SchedulesProperties(
        @DefaultValue("") String dir,
        @DefaultValue("1m") Duration lateAfter,
        @DefaultValue("7") int defaultCatchUpLimit) {
}
