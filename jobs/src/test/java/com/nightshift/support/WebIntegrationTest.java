package com.nightshift.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nightshift.NightshiftApplication;

/**
 * Base of tests that call the engine's HTTP API or console: the application context of {@link IntegrationTest} on
 * the same real servers, plus a web server on a free port, with the {@link TestUsers} configured. {@link #api()}
 * calls the API as the operator, {@link #console()} opens a browser session of its own.
 */
@SpringBootTest(classes = NightshiftApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.quartz.auto-startup=false", "spring.main.banner-mode=off",
                // test databases start empty, as the demo's does
                "nightshift.schema.migrate-on-start=true",
                // A second context in the same JVM: Quartz's JVM-wide registry needs a scheduler name of its own.
                "spring.quartz.scheduler-name=nightshift-web-test"})
public abstract class WebIntegrationTest {

    @Value("${local.server.port}")
    protected int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        IntegrationTest.servers(registry);
        TestUsers.register(registry);
    }

    /** The API, as the operator; {@code api().as(VIEWER)}, {@code api().anonymous()} for others. */
    protected ApiClient api() {
        return ApiClient.on(port);
    }

    /** A new browser session on the console, not yet logged in. */
    protected ConsoleClient console() {
        return new ConsoleClient(port);
    }
}
