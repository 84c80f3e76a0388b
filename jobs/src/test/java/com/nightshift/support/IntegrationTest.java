package com.nightshift.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nightshift.NightshiftApplication;

/**
 * Base of tests that need the engine's application context on the real (embedded) servers. Contexts
 * with the same configuration are cached and shared across test classes by Spring's test framework.
 */
@SpringBootTest(classes = NightshiftApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.quartz.auto-startup=false", "spring.main.banner-mode=off",
                // test databases start empty, as the demo's does
                "nightshift.schema.migrate-on-start=true"})
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.get().register(registry, TestServers.get().jdbcUrl());
    }
}
