package com.nightshift.delivery.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.delivery.Deliveries;
import com.nightshift.delivery.Letter;
import com.nightshift.support.TestServers;
import com.nightshift.support.WebIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DeliveriesApiTest extends WebIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Deliveries deliveries;
    @Autowired
    JdbcTemplate jdbc;

    // a period of each test's own, so that tests sharing the database never list each other's letters
    private final String period = "2026-W" + UUID.randomUUID();
    private final String key = "report:weekly:" + period;

    @BeforeEach
    void letters() {
        deliveries.plan(List.of(letter("li.si@example.com", "李四"), letter("hq@example.com", "Head Office")));
    }

    @Test
    void listsTheLettersOfAPeriodByItsLastPartOrItsWholeKey() throws Exception {
        JsonNode byPeriod = JSON.readTree(api().get("/api/reports/deliveries?period=" + period).body());
        JsonNode byKey = JSON.readTree(api().get("/api/reports/deliveries?period=" + key).body());

        assertThat(byPeriod).hasSize(2).isEqualTo(byKey);
        assertThat(byPeriod.get(0).get("email").asString()).isEqualTo("hq@example.com");
        assertThat(byPeriod.get(0).get("state").asString()).isEqualTo("PENDING");
        assertThat(byPeriod.get(0).get("messageId").asString()).endsWith("@localhost>");
    }

    @Test
    void listsOnlyTheLettersInTheAskedState() throws Exception {
        deliveries.send(List.of(key), 1);
        jdbc.update("UPDATE delivery SET state = 'FAILED' WHERE delivery_key = ? AND email = ?", key,
                "hq@example.com");

        JsonNode failed = JSON.readTree(api().get("/api/reports/deliveries?state=failed&period=" + period).body());

        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("email").asString()).isEqualTo("hq@example.com");
    }

    @Test
    void anUnknownStateIsABadRequestNamingTheStates() throws Exception {
        HttpResponse<String> response = api().get("/api/reports/deliveries?state=LOST");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("detail").asString()).isEqualTo(
                "'state' must be one of PENDING, SENDING, RETRYING, DELIVERED, FAILED, UNCERTAIN, was 'LOST'");
        assertThat(problem.get("parameter").asString()).isEqualTo("state");
    }

    @Test
    void aLimitOutOfRangeIsABadRequest() throws Exception {
        HttpResponse<String> response = api().get("/api/reports/deliveries?limit=0");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("detail").asString())
                .isEqualTo("'limit' must be between 1 and 1000, was 0");
    }

    @Test
    void resendingADeliveredLetterSendsItAgainAsARecordedResend() throws Exception {
        deliveries.send(List.of(key), 1);
        long id = idOf("li.si@example.com");

        HttpResponse<String> response = api().post("/api/reports/deliveries/" + id + "/resend");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode resend = JSON.readTree(response.body());
        assertThat(resend.get("state").asString()).isEqualTo("DELIVERED");
        assertThat(resend.get("resend").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT requested_by FROM delivery WHERE id = ?", String.class,
                resend.get("id").asLong())).isEqualTo("api");
        assertThat(mailFiledWith(resend.get("messageId").asString())).hasSize(1);
    }

    @Test
    void resendingAnUnknownDeliveryIsNotFound() throws Exception {
        HttpResponse<String> response = api().post("/api/reports/deliveries/-5/resend");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).isEqualTo("no delivery -5");
    }

    @Test
    void resendingALetterNotYetSentIsAConflict() throws Exception {
        long id = idOf("li.si@example.com");

        HttpResponse<String> response = api().post("/api/reports/deliveries/" + id + "/resend");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains(id + " is PENDING");
    }

    @Test
    void resendingTheFailedLettersOfAPeriodSendsOnlyThose() throws Exception {
        deliveries.send(List.of(key), 1);
        jdbc.update("UPDATE delivery SET state = 'FAILED', last_reply = '550 no such user' WHERE delivery_key = ?"
                + " AND email = ?", key, "hq@example.com");

        HttpResponse<String> response = api().post("/api/reports/deliveries/resend-failed?period=" + period);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode resent = JSON.readTree(response.body());
        assertThat(resent).hasSize(1);
        assertThat(resent.get(0).get("email").asString()).isEqualTo("hq@example.com");
        assertThat(resent.get(0).get("state").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void resendingFailedLettersNeedsAPeriod() throws Exception {
        HttpResponse<String> response = api().post("/api/reports/deliveries/resend-failed");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private Letter letter(String email, String name) {
        return new Letter(key, 0, null, email, name, "周报 " + period, "您好", List.of(), "digest");
    }

    private long idOf(String email) {
        return jdbc.queryForObject("SELECT id FROM delivery WHERE delivery_key = ? AND email = ?", Long.class, key,
                email);
    }

    private static List<Path> mailFiledWith(String messageId) throws IOException {
        try (Stream<Path> files = Files.list(TestServers.get().dataDir().resolve("mail"))) {
            return files.filter(file -> file.toString().endsWith(".eml")).filter(file -> {
                try {
                    return Files.readString(file, StandardCharsets.ISO_8859_1).contains("Message-ID: " + messageId);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
