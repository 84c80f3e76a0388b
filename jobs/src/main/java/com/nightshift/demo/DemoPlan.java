package com.nightshift.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The jobs the demo runs, in order, with their parameters. Each capability adds its job here. */
@Component
public class DemoPlan {

    private final DemoProperties properties;

    public DemoPlan(DemoProperties properties) {
        this.properties = properties;
    }

    /** Job name to parameters, for a demo chain whose last business date is {@code lastDate}. */
    public Map<String, Map<String, String>> jobs(LocalDate lastDate) {
        LocalDate firstDate = lastDate.minusDays(properties.days() - 1L);
        Map<String, Map<String, String>> jobs = new LinkedHashMap<>();
        jobs.put("rollup", Map.of("mode", "full", "from", firstDate.toString(), "to", lastDate.toString()));
        // every report of the last day and its week, mailed to the demo recipients file's people
        jobs.put("report", Map.of("date", lastDate.toString()));
        // then how the database, Redis, mail and disk look after the night's work
        jobs.put("health", Map.of());
        return jobs;
    }
}
