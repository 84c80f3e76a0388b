package com.nightshift.security;

import static com.nightshift.support.TestUsers.SCRAPER;
import static com.nightshift.support.TestUsers.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
@TestPropertySource(properties = "spring.quartz.scheduler-name=nightshift-login-test")
class ApiLoginTest extends WebIntegrationTest {

    private static final String GUESSED_PASSWORD = "zhao-secret";

    @Autowired
    OperatorActions actions;

    /** A viewer of this test's own, whose name the throttle test locks out. */
    @DynamicPropertySource
    static void guessedUser(DynamicPropertyRegistry registry) {
        TestUsers.registerAnother(registry, "zhao", GUESSED_PASSWORD, "viewer");
    }

    @Test
    void anAnonymousReadIsRefusedWith401AsAProblemDetailAskingForBasic() {
        HttpResponse<String> response = api().anonymous().get("/api/reports/deliveries");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                assertThat(value).startsWith("Basic"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401").contains("nightshift.security.users");
    }

    @Test
    void aWrongPasswordIsRefusedWith401() {
        HttpResponse<String> response = api().as("li", "guess").get("/api/reports/deliveries");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aNameThatGuessedWrongTooOftenIsRefusedWith429EvenWithTheRightPassword() {
        for (int i = 0; i <= FailedLogins.FREE_ATTEMPTS; i++) {
            assertThat(api().as("zhao", "guess-" + i).get("/api/reports/deliveries").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> response = api().as("zhao", GUESSED_PASSWORD).get("/api/reports/deliveries");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("zhao");
        assertThat(api().as(VIEWER).get("/api/reports/deliveries").statusCode())
                .as("other names are not slowed").isEqualTo(200);
    }

    @Test
    void aViewerReads() {
        HttpResponse<String> response = api().as(VIEWER).get("/api/reports/deliveries");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).as("no session").isEmpty();
    }

    @Test
    void aViewersOperatorActionIsRefusedWith403NamingTheRoleItTakes() {
        HttpResponse<String> response = api().as(VIEWER).post("/api/jobs/rollup/executions");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":403").contains("wang").contains("operator role");
    }

    @Test
    void anOperatorsActionPassesTheLoginAndReachesTheApi() {
        // an unknown job: the API's own 404, so the login let it through without starting anything
        HttpResponse<String> response = api().post("/api/jobs/no-such-job/executions");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no-such-job");
        assertThat(actions.page(null, 1)).singleElement().satisfies(action -> {
            assertThat(action.user()).as("recorded under the operator's name").isEqualTo("li");
            assertThat(action.target()).isEqualTo("jobs/no-such-job");
        });
    }

    @Test
    void aRunStartedByAnOperatorSaysWhoStartedIt() {
        HttpResponse<String> started = api().post("/api/jobs/rollup/executions", "{\"mode\": \"incremental\"}");
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();

        await().atMost(Duration.ofSeconds(60)).until(() -> !api().as(VIEWER).get(location).body()
                .matches(".*\"status\":\"(STARTING|STARTED|STOPPING)\".*"));

        assertThat(api().as(VIEWER).get(location).body())
                .contains("\"startedBy\":{\"by\":\"api\",\"user\":\"li\"");
    }

    @Test
    void theProbesNeedNoLogin() {
        assertThat(api().anonymous().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(api().anonymous().get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void theRestOfTheActuatorNeedsALogin() {
        assertThat(api().anonymous().get("/actuator/health").statusCode()).isEqualTo(401);
        assertThat(api().as(VIEWER).get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void theScraperReadsThePrometheusMetricsAndNothingElse() {
        HttpResponse<String> metrics = api().as(SCRAPER).get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
        assertThat(api().as(SCRAPER).get("/api/reports/deliveries").statusCode()).isEqualTo(403);
        assertThat(api().anonymous().get("/actuator/prometheus").statusCode()).as("never anonymously")
                .isEqualTo(401);
    }
}
