package com.nightshift.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.audit.OperatorActions;
import com.nightshift.support.TestUsers;
import com.nightshift.support.WebIntegrationTest;

/**
 * The API with logins on: anonymous callers and wrong passwords get 401, a viewer reads but gets 403 on an operator
 * action, an operator does both; each refusal a problem detail. The load balancer's probes need no login.
 */
@TestPropertySource(properties = {"spring.quartz.scheduler-name=nightshift-login-test",
        "nightshift.security.enabled=true"})
class ApiLoginTest extends WebIntegrationTest {

    private static final String VIEWER_PASSWORD = TestUsers.VIEWER.password();
    private static final String OPERATOR_PASSWORD = TestUsers.OPERATOR.password();
    private static final String GUESSED_PASSWORD = "zhao-secret";
    private static final String SCRAPER_PASSWORD = TestUsers.SCRAPER.password();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    OperatorActions actions;

    /** A viewer of this test's own, whose name the throttle test locks out. */
    @DynamicPropertySource
    static void guessedUser(DynamicPropertyRegistry registry) {
        registry.add("nightshift.security.users[3].name", () -> "zhao");
        registry.add("nightshift.security.users[3].password",
                () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(GUESSED_PASSWORD));
        registry.add("nightshift.security.users[3].role", () -> "viewer");
    }

    @Test
    void anAnonymousReadIsRefusedWith401AsAProblemDetailAskingForBasic() throws Exception {
        HttpResponse<String> response = send(get("/api/reports/deliveries"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                assertThat(value).startsWith("Basic"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401").contains("nightshift.security.users");
    }

    @Test
    void aWrongPasswordIsRefusedWith401() throws Exception {
        HttpResponse<String> response = send(as("li", "guess", get("/api/reports/deliveries")));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aNameThatGuessedWrongTooOftenIsRefusedWith429EvenWithTheRightPassword() throws Exception {
        for (int i = 0; i <= FailedLogins.FREE_ATTEMPTS; i++) {
            assertThat(send(as("zhao", "guess-" + i, get("/api/reports/deliveries"))).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> response = send(as("zhao", GUESSED_PASSWORD, get("/api/reports/deliveries")));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("zhao");
        assertThat(send(as("wang", VIEWER_PASSWORD, get("/api/reports/deliveries"))).statusCode())
                .as("other names are not slowed").isEqualTo(200);
    }

    @Test
    void aViewerReads() throws Exception {
        HttpResponse<String> response = send(as("wang", VIEWER_PASSWORD, get("/api/reports/deliveries")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).as("no session").isEmpty();
    }

    @Test
    void aViewersOperatorActionIsRefusedWith403NamingTheRoleItTakes() throws Exception {
        HttpResponse<String> response = send(as("wang", VIEWER_PASSWORD, post("/api/jobs/rollup/executions")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":403").contains("wang").contains("operator role");
    }

    @Test
    void anOperatorsActionPassesTheLoginAndReachesTheApi() throws Exception {
        // an unknown job: the API's own 404, so the login let it through without starting anything
        HttpResponse<String> response = send(as("li", OPERATOR_PASSWORD, post("/api/jobs/no-such-job/executions")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no-such-job");
        assertThat(actions.page(null, 1)).singleElement().satisfies(action -> {
            assertThat(action.user()).as("recorded under the operator's name").isEqualTo("li");
            assertThat(action.target()).isEqualTo("jobs/no-such-job");
        });
    }

    @Test
    void aRunStartedByAnOperatorSaysWhoStartedIt() throws Exception {
        HttpResponse<String> started = send(as("li", OPERATOR_PASSWORD, HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/jobs/rollup/executions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\": \"incremental\"}"))));
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();

        await().atMost(Duration.ofSeconds(60)).until(() -> !send(as("wang", VIEWER_PASSWORD, get(location))).body()
                .matches(".*\"status\":\"(STARTING|STARTED|STOPPING)\".*"));

        assertThat(send(as("wang", VIEWER_PASSWORD, get(location))).body())
                .contains("\"startedBy\":{\"by\":\"api\",\"user\":\"li\"");
    }

    @Test
    void theProbesNeedNoLogin() throws Exception {
        assertThat(send(get("/actuator/health/liveness")).statusCode()).isEqualTo(200);
        assertThat(send(get("/actuator/health/readiness")).statusCode()).isEqualTo(200);
    }

    @Test
    void theRestOfTheActuatorNeedsALogin() throws Exception {
        assertThat(send(get("/actuator/health")).statusCode()).isEqualTo(401);
        assertThat(send(as("wang", VIEWER_PASSWORD, get("/actuator/health"))).statusCode()).isEqualTo(200);
    }

    @Test
    void theScraperReadsThePrometheusMetricsAndNothingElse() throws Exception {
        HttpResponse<String> metrics = send(as("prometheus", SCRAPER_PASSWORD, get("/actuator/prometheus")));

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
        assertThat(send(as("prometheus", SCRAPER_PASSWORD, get("/api/reports/deliveries"))).statusCode())
                .isEqualTo(403);
        assertThat(send(get("/actuator/prometheus")).statusCode()).as("never anonymously").isEqualTo(401);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    private HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
    }

    private static HttpRequest.Builder as(String user, String password, HttpRequest.Builder request) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + credentials);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
