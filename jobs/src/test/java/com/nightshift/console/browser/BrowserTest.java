package com.nightshift.console.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.schedules.ScheduleEngine;
import com.nightshift.support.WebIntegrationTest;

/**
 * Base of the console's browser tests: one application context for all of them, with logins on and a schedule
 * folder of their own holding one schedule, {@value #SCHEDULE}, that never fires by itself (Quartz is not started).
 */
@TestPropertySource(properties = {"spring.quartz.scheduler-name=nightshift-browser-test",
        "nightshift.security.enabled=true"})
abstract class BrowserTest extends WebIntegrationTest {

    static final String SCHEDULE = "nightly-rollup";
    private static final Path SCHEDULES = scheduleFolder();

    @DynamicPropertySource
    static void schedules(DynamicPropertyRegistry registry) {
        registry.add("nightshift.schedules.dir", SCHEDULES::toString);
    }

    private static Path scheduleFolder() {
        try {
            Path folder = Files.createTempDirectory("browser-schedules-");
            ScheduleEngine.write(folder, SCHEDULE + ".yml", ScheduleEngine.schedule(SCHEDULE, "rollup",
                    "0 30 2 * * ?", "skip", "mode=incremental"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
