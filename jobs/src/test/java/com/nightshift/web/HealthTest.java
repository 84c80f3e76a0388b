package com.nightshift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import com.nightshift.support.RedisOutage;
import com.nightshift.support.WebIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A load balancer asks readiness: it depends on the database only; health shows every server. */
class HealthTest extends WebIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private RedisConnectionFactory redisClient;

    @Test
    void readinessIsMadeOfTheDatabaseAndTheApplicationsOwnStateOnly() throws Exception {
        HttpResponse<String> readiness = probe("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).get("components").propertyNames())
                .containsExactlyInAnyOrder("db", "readinessState");
    }

    @Test
    void healthShowsRedisAndMail() throws Exception {
        JsonNode components = JSON.readTree(api().get("/actuator/health").body()).get("components");

        assertThat(components.propertyNames()).contains("db", "redis", "mail");
    }

    @Test
    void anInstanceWhoseRedisIsDownStaysReadyAndHealthSaysRedisIsDown() throws Exception {
        List<HttpResponse<String>> during = RedisOutage.during(redisClient,
                () -> List.of(probe("/actuator/health/readiness"), api().get("/actuator/health")));
        HttpResponse<String> readiness = during.get(0);

        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).get("status").asString()).isEqualTo("UP");
        JsonNode health = JSON.readTree(during.get(1).body());
        assertThat(health.get("components").get("redis").get("status").asString()).isEqualTo("DOWN");
    }

    @Test
    void livenessAnswers() throws Exception {
        assertThat(probe("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    /** As the load balancer asks: without a login. */
    private HttpResponse<String> probe(String path) {
        return api().anonymous().get(path);
    }
}
