package com.nightshift.health.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthHistory;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.nightshift.support.WebIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HealthApiTest extends WebIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    HealthHistory history;
    @Autowired
    JdbcTemplate jdbc;

    /** One of the engine's own checks: only theirs are listed as the current state. */
    private static final String CURRENT = "database.pool";

    // a check of each test's own, so that tests sharing the database never see each other's results; the engine
    // does not run it, so only its history shows it
    private final String check = "database.test-" + UUID.randomUUID();
    private final List<Long> recorded = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestRecorded() {
        // the results recorded for the engine's own check would otherwise stand as its state for later tests
        jdbc.update("DELETE FROM health_result WHERE id = ANY(?)", (Object) recorded.toArray(Long[]::new));
    }

    @Test
    void theLatestResultOfEachCheckWithItsValuesAndThresholds() throws Exception {
        record(CURRENT, HealthState.OK, "fine", Instant.now().minusSeconds(60));
        record(CURRENT, HealthState.CRIT, "20 of 20 connections active", Instant.now());

        JsonNode latest = ofCheck(JSON.readTree(api().get("/api/health").body()), CURRENT);

        assertThat(latest.get("state").asString()).isEqualTo("CRIT");
        assertThat(latest.get("message").asString()).isEqualTo("20 of 20 connections active");
        assertThat(latest.get("group").asString()).isEqualTo("DATABASE");
        assertThat(latest.get("values").get(0).get("name").asString()).isEqualTo("active");
        assertThat(latest.get("values").get(0).get("critAt").asDouble()).isEqualTo(20.0);
    }

    @Test
    void aCheckTheEngineDoesNotRunIsNotListedButItsHistoryAnswers() throws Exception {
        record(CURRENT, HealthState.OK, "fine", Instant.now());
        record(HealthState.CRIT, "the last word of a check since removed", Instant.now());

        JsonNode latest = JSON.readTree(api().get("/api/health").body());
        JsonNode history = JSON.readTree(api().get("/api/health/history?check=" + check).body());

        assertThat(latest).extracting(result -> result.get("check").asString()).contains(CURRENT)
                .doesNotContain(check);
        assertThat(history).extracting(result -> result.get("message").asString())
                .containsExactly("the last word of a check since removed");
    }

    @Test
    void theHistoryOfACheckBetweenFromAndToNewestFirst() throws Exception {
        Instant now = Instant.now();
        record(HealthState.OK, "two hours ago", now.minus(Duration.ofHours(2)));
        record(HealthState.WARN, "one hour ago", now.minus(Duration.ofHours(1)));
        record(HealthState.CRIT, "now", now);

        JsonNode history = JSON.readTree(api().get("/api/health/history?check=" + check + "&from="
                + now.minus(Duration.ofMinutes(150)) + "&to=" + now.minusSeconds(1)).body());

        assertThat(history).extracting(result -> result.get("message").asString())
                .containsExactly("one hour ago", "two hours ago");
    }

    @Test
    void theHistoryIsLimited() throws Exception {
        record(HealthState.OK, "older", Instant.now().minusSeconds(10));
        record(HealthState.OK, "newer", Instant.now());

        JsonNode history = JSON.readTree(api().get("/api/health/history?check=" + check + "&limit=1").body());

        assertThat(history).extracting(result -> result.get("message").asString()).containsExactly("newer");
    }

    @Test
    void aHistoryWithoutACheckIsABadRequestNamingTheParameter() throws Exception {
        assertBadRequest(api().get("/api/health/history"), "check", "'check' must name a check, e.g. database.pool");
    }

    @Test
    void aMalformedFromIsABadRequestSayingTheForm() throws Exception {
        assertBadRequest(api().get("/api/health/history?check=" + check + "&from=yesterday"), "from",
                "'from' must be an instant such as 2026-12-07T02:00:00Z, was 'yesterday'");
    }

    @Test
    void fromAfterToIsABadRequest() throws Exception {
        assertBadRequest(api().get("/api/health/history?check=" + check + "&from=2026-12-07T02:00:00Z"
                + "&to=2026-12-06T02:00:00Z"), "from",
                "'from' (2026-12-07T02:00:00Z) must be before 'to' (2026-12-06T02:00:00Z)");
    }

    @Test
    void aLimitOutOfRangeIsABadRequest() throws Exception {
        assertBadRequest(api().get("/api/health/history?check=" + check + "&limit=0"), "limit",
                "'limit' must be between 1 and 1000, was 0");
    }

    @Test
    void anonymousCallersAreRefused() {
        assertThat(api().anonymous().get("/api/health").statusCode()).isEqualTo(401);
    }

    private void assertBadRequest(HttpResponse<String> response, String parameter, String detail) {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
        assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
    }

    private static JsonNode ofCheck(JsonNode results, String check) {
        for (JsonNode result : results) {
            if (result.get("check").asString().equals(check)) {
                return result;
            }
        }
        throw new AssertionError("no result of " + check + " in " + results);
    }

    private void record(HealthState state, String message, Instant at) {
        record(check, state, message, at);
    }

    private void record(String name, HealthState state, String message, Instant at) {
        history.record(null, new CheckResult(name, CheckGroup.DATABASE, state, message,
                List.of(new Measurement("active", 20, 16.0, 20.0, "connections"))), Duration.ofMillis(3));
        recorded.add(jdbc.queryForObject("UPDATE health_result SET checked_at = ? WHERE id = (SELECT max(id) "
                + "FROM health_result WHERE check_name = ?) RETURNING id", Long.class, Timestamp.from(at), name));
    }
}
