package com.nightshift.schedules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which of a catch-up schedule's missed fires run: one per distinct set of resolved parameters (a business date,
 * a week), the latest fire of each, none whose run already completed, at most the schedule's catch-up limit (the
 * latest ones), oldest first.
 */
final class CatchUpPlan {

    /** A missed fire to run, with its parameters resolved for the business date it fell on. */
    record Fire(Instant time, Map<String, String> parameters) {
    }

    private CatchUpPlan() {
    }

    /**
     * @param missed    the missed fire times, oldest first
     * @param completed whether a run of the job with these parameters ever completed
     */
    static List<Fire> of(ScheduleDefinition definition, List<Instant> missed,
                         Predicate<Map<String, String>> completed) {
        Map<Map<String, String>, Instant> latestByParameters = new LinkedHashMap<>();
        for (Instant fire : missed) {
            latestByParameters.put(resolved(definition, fire), fire);
        }
        List<Fire> toRun = latestByParameters.entrySet().stream()
                .filter(entry -> !completed.test(entry.getKey()))
                .map(entry -> new Fire(entry.getValue(), entry.getKey()))
                .sorted(Comparator.comparing(Fire::time))
                .toList();
        return toRun.subList(Math.max(0, toRun.size() - definition.catchUpLimit()), toRun.size());
    }

    /** The schedule's parameters for a fire at {@code fire}: its expressions read on that day in its zone. */
    static Map<String, String> resolved(ScheduleDefinition definition, Instant fire) {
        LocalDate businessDate = LocalDate.ofInstant(fire, definition.zone());
        return Map.copyOf(DateExpressions.resolve(definition.parameters(), businessDate));
    }
}
