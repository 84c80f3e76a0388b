package com.nightshift.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DemoPlanTest {

    private final DemoPlan plan = new DemoPlan(new DemoProperties(1000, 3, 7, 1));

    @Test
    void runsHealthLastWithoutParametersAfterTheNightsWork() {
        Map<String, Map<String, String>> jobs = plan.jobs(LocalDate.of(2026, 12, 6));

        assertThat(jobs.keySet()).containsExactly("rollup", "report", "health");
        assertThat(jobs.get("health")).isEmpty();
    }
}
