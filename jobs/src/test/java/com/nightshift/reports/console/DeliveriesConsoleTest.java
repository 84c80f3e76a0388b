package com.nightshift.reports.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.delivery.Deliveries;
import com.nightshift.delivery.Letter;
import com.nightshift.support.AuditTrail;
import com.nightshift.support.ConsoleClient;
import com.nightshift.support.TestUsers;
import com.nightshift.support.WebIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report mail page: letters by state, and resends from it doing what the API's do, audited as the API's are.
 * Each test has a period of its own (two letters, one delivered, one failed), as the deliveries API's tests do.
 */
@TestPropertySource(properties = {"nightshift.security.enabled=true",
        "spring.quartz.scheduler-name=nightshift-deliveries-console-test"})
class DeliveriesConsoleTest extends WebIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Deliveries deliveries;
    @Autowired
    JdbcTemplate jdbc;

    private final String period = "2026-W" + UUID.randomUUID();
    private final String key = "report:weekly:" + period;
    private ConsoleClient operator;
    private AuditTrail audit;

    @BeforeEach
    void oneDeliveredAndOneFailedLetter() {
        deliveries.plan(List.of(letter("zhao.liu@example.com", "赵六"), letter("north@example.com", "North")));
        deliveries.send(List.of(key), 1);
        jdbc.update("UPDATE delivery SET state = 'FAILED', last_reply = '550 no such user' WHERE delivery_key = ? "
                + "AND email = ?", key, "north@example.com");
        operator = console().logIn(TestUsers.OPERATOR);
        audit = AuditTrail.since(jdbc);
    }

    @Test
    void thePageCountsTheLettersOfAPeriodByStateAndListsThem() {
        String page = operator.get("/console/reports/deliveries?period=" + period).body();

        assertThat(count(page, "DELIVERED")).isEqualTo(1);
        assertThat(count(page, "FAILED")).isEqualTo(1);
        assertThat(count(page, "PENDING")).isZero();
        assertThat(page).contains("zhao.liu@example.com", "north@example.com", "550 no such user", "发送失败", "已送达");
    }

    @Test
    void thePageListsOnlyTheLettersInTheChosenState() {
        String page = operator.get("/console/reports/deliveries?state=FAILED&period=" + period).body();

        assertThat(page).contains("north@example.com").doesNotContain("zhao.liu@example.com");
    }

    @Test
    void resendingALetterFromThePageSendsItAgainAsTheApisResendDoesAndIsAudited() throws Exception {
        long failed = idOf("north@example.com");
        operator.get("/console/reports/deliveries?period=" + period);

        HttpResponse<String> answer = operator.post("/console/reports/deliveries/" + failed + "/resend",
                Map.of("period", period));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("period=");
        JsonNode resend = resendIn(api().get("/api/reports/deliveries?period=" + period).body());
        assertThat(resend.get("email").asString()).isEqualTo("north@example.com");
        assertThat(resend.get("state").asString()).isEqualTo("DELIVERED");
        assertThat(jdbc.queryForObject("SELECT requested_by FROM delivery WHERE resend_of = ?", String.class, failed))
                .isEqualTo(TestUsers.OPERATOR.user());
        audit.recordedOnce(TestUsers.OPERATOR.user(), "resend", "reports/deliveries/" + failed, 200, null);
        assertThat(operator.get(answer.headers().firstValue("Location").orElseThrow()).body())
                .contains("id=\"notice\"", "north@example.com", "已送达");
    }

    @Test
    void resendingTheFailedLettersOfAPeriodFromThePageSendsOnlyThoseAndIsAudited() {
        operator.get("/console/reports/deliveries?period=" + period);

        operator.post("/console/reports/deliveries/resend-failed", Map.of("period", period));

        assertThat(jdbc.queryForList("SELECT email || ' ' || state FROM delivery WHERE resend_of IS NOT NULL "
                + "AND delivery_key = ?", String.class, key)).containsExactly("north@example.com DELIVERED");
        audit.recordedOnce(TestUsers.OPERATOR.user(), "resend-failed", "reports/deliveries", 200, null);
        assertThat(operator.get("/console/reports/deliveries?period=" + period).body())
                .contains("已重发 " + period + " 失败的邮件 1 封，其中 1 封已送达");
    }

    @Test
    void resendingALetterStillOnItsWayIsRefusedWithAProblemAndAuditedAsTheApisConflict() {
        jdbc.update("UPDATE delivery SET state = 'RETRYING' WHERE delivery_key = ? AND email = ?", key,
                "north@example.com");
        long retrying = idOf("north@example.com");
        operator.get("/console/reports/deliveries?period=" + period);

        operator.post("/console/reports/deliveries/" + retrying + "/resend", Map.of());

        audit.recordedOnce(TestUsers.OPERATOR.user(), "resend", "reports/deliveries/" + retrying, 409, null);
        assertThat(operator.get("/console/reports/deliveries").body()).contains("id=\"problem\"", "还在发送中");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM delivery WHERE resend_of = ?", Long.class, retrying))
                .isZero();
    }

    @Test
    void resendingAnUnknownLetterIsRefusedAndAuditedAsNotFound() {
        operator.get("/console/reports/deliveries");

        operator.post("/console/reports/deliveries/-7/resend", Map.of());

        audit.recordedOnce(TestUsers.OPERATOR.user(), "resend", "reports/deliveries/-7", 404, null);
        assertThat(operator.get("/console/reports/deliveries").body()).contains("id=\"problem\"", "没有第 -7 封邮件");
    }

    @Test
    void resendingALetterWhoseIdIsNoNumberIsRefusedAsNotFound() {
        operator.get("/console/reports/deliveries");

        operator.post("/console/reports/deliveries/first/resend", Map.of());

        audit.recordedOnce(TestUsers.OPERATOR.user(), "resend", "reports/deliveries/first", 404, null);
    }

    @Test
    void resendingFailedLettersWithoutAPeriodIsRefusedAndAuditedAsABadRequest() {
        operator.get("/console/reports/deliveries");

        operator.post("/console/reports/deliveries/resend-failed", Map.of("period", " "));

        audit.recordedOnce(TestUsers.OPERATOR.user(), "resend-failed", "reports/deliveries", 400, null);
        assertThat(operator.get("/console/reports/deliveries").body()).contains("id=\"problem\"", "请填写要重发的周期");
    }

    @Test
    void aViewerSeesNoResendButtonsAndIsForbiddenToResend() {
        ConsoleClient viewer = console().logIn(TestUsers.VIEWER);
        String page = viewer.get("/console/reports/deliveries?period=" + period).body();

        HttpResponse<String> answer = viewer.post("/console/reports/deliveries/" + idOf("north@example.com")
                + "/resend", Map.of());

        assertThat(page).contains("north@example.com").doesNotContain("class=\"resend")
                .doesNotContain("id=\"resend-failed\"");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM delivery WHERE delivery_key = ?", Long.class, key))
                .isEqualTo(2);
    }

    @Test
    void thePageIsInEnglishWhenAskedFor() {
        String page = operator.get("/console/reports/deliveries?lang=en&period=" + period).body();

        assertThat(page).contains("Report mail", ">failed<", ">delivered<", ">Resend<");
    }

    /** The number beside a state's name at the top of the page. */
    private static long count(String page, String state) {
        int at = page.indexOf("data-state=\"" + state + "\"", page.indexOf("id=\"counts\""));
        assertThat(at).as("count of " + state).isNotNegative();
        String number = page.substring(page.indexOf("class=\"number\">", at) + "class=\"number\">".length());
        return Long.parseLong(number.substring(0, number.indexOf('<')));
    }

    private static JsonNode resendIn(String json) {
        for (JsonNode row : JSON.readTree(json)) {
            if (row.get("resend").asBoolean()) {
                return row;
            }
        }
        throw new AssertionError("no resend in " + json);
    }

    private Letter letter(String email, String name) {
        return new Letter(key, 0, null, email, name, "周报 " + period, "您好", List.of(), "digest");
    }

    private long idOf(String email) {
        return jdbc.queryForObject("SELECT id FROM delivery WHERE delivery_key = ? AND email = ? AND resend_of IS NULL",
                Long.class, key, email);
    }
}
