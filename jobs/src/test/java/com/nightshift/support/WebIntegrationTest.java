package com.nightshift.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nightshift.NightshiftApplication;

/**
 * Base of tests that call the engine's HTTP API: the application context of {@link IntegrationTest} on the
 * same real servers, plus a web server on a free port ({@code local.server.port}).
 */
@SpringBootTest(classes = NightshiftApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.quartz.auto-startup=false", "spring.main.banner-mode=off",
                // test databases start empty, as the demo's does
                "nightshift.schema.migrate-on-start=true",
                // A second context in the same JVM: Quartz's JVM-wide registry needs a scheduler name of its own.
                "spring.quartz.scheduler-name=nightshift-web-test"})
public abstract class WebIntegrationTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        IntegrationTest.servers(registry);
    }
}
