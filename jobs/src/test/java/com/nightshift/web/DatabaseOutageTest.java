package com.nightshift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nightshift.NightshiftApplication;
import com.nightshift.support.ApiClient;
import com.nightshift.support.TestServers;
import com.nightshift.support.TestUsers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database stops accepting connections under a running instance (its own database here, so that other tests
 * keep theirs): the API answers 503 problem details and readiness takes the instance out of service.
 */
@SpringBootTest(classes = NightshiftApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.quartz.auto-startup=false", "spring.quartz.scheduler-name=nightshift-outage-test",
                // a request waits this long for a connection before it is refused
                "spring.datasource.hikari.connection-timeout=1000", "nightshift.schema.migrate-on-start=true"})
@DirtiesContext
class DatabaseOutageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DATABASE_URL = TestServers.get().newDatabase("outage");
    private static final String DATABASE = DATABASE_URL.replaceAll(".*/([^/?]+)\\?.*", "$1");

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.get().register(registry, DATABASE_URL);
        TestUsers.register(registry);
    }

    @AfterEach
    void databaseBack() throws SQLException {
        admin("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
    }

    @Test
    void aRequestThatNeedsTheDatabaseGets503AndReadinessGoesDown() throws Exception {
        admin("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");

        ApiClient api = ApiClient.on(port);
        HttpResponse<String> execution = api.send(api.request("/api/jobs/executions/1")
                .header("Accept", "application/json"));
        HttpResponse<String> readiness = api.anonymous().get("/actuator/health/readiness");

        assertThat(execution.statusCode()).as(execution.body()).isEqualTo(503);
        assertThat(execution.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(execution.body());
        assertThat(problem.get("title").asString()).isEqualTo("Database unavailable");
        assertThat(readiness.statusCode()).isEqualTo(503);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestServers.get().jdbcUrl(), "postgres", null);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
