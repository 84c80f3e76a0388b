package com.nightshift.security;

import static com.nightshift.support.TestUsers.OPERATOR;
import static com.nightshift.support.TestUsers.SCRAPER;
import static com.nightshift.support.TestUsers.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.security.MappedEndpoints.Endpoint;
import com.nightshift.support.ApiClient;
import com.nightshift.support.ConsoleClient;
import com.nightshift.support.WebIntegrationTest;

/**
 * Every endpoint the application maps, asked by nobody, a viewer and an operator: nobody is sent to log in (401
 * on the API, the login form on the console), a viewer reads everything and changes nothing (403), an operator
 * gets through to every endpoint (whatever the endpoint itself answers of an id that names nothing, short of a
 * failure). The endpoints are read from Spring MVC, so that one added later is covered without touching this test.
 */
@TestPropertySource(properties = "spring.quartz.scheduler-name=nightshift-endpoint-matrix-test")
class EndpointMatrixTest extends WebIntegrationTest {

    private static final String PROMETHEUS = "/actuator/prometheus";

    @Autowired
    ApplicationContext context;

    private List<Endpoint> endpoints;

    @BeforeEach
    void readTheMappings() {
        endpoints = MappedEndpoints.of(context);
    }

    /** A matrix that found no endpoint would pass: it must see the API, the console and the actuator. */
    @Test
    void theMatrixSeesTheApiTheConsoleAndTheActuator() {
        assertThat(endpoints).extracting(Endpoint::toString)
                .contains("POST /api/jobs/no-such-job/executions", "GET /api/jobs/executions/987654321",
                        "POST /api/schedules/no-such-name/pause", "GET /console/no-such-page",
                        "POST /console/no-such-page", "GET " + PROMETHEUS);
    }

    @Test
    void nobodyIsAskedToLogInEverywhere() {
        ApiClient nobody = api().anonymous();
        ConsoleClient browser = console();
        browser.get("/login");

        assertEveryEndpoint("nobody", nobody, browser, (endpoint, response) -> endpoint.api()
                ? response.statusCode() == 401 && isProblem(response)
                : response.statusCode() == 302 && location(response).endsWith("/login"));
    }

    @Test
    void aViewerReadsEverythingAndChangesNothing() {
        assertEveryEndpoint("the viewer", api().as(VIEWER), console().logIn(VIEWER), (endpoint, response) ->
                endpoint.read() ? passedTheLogin(response) : response.statusCode() == 403);
    }

    @Test
    void anOperatorGetsThroughToEveryEndpoint() {
        assertEveryEndpoint("the operator", api(), console().logIn(OPERATOR),
                (endpoint, response) -> passedTheLogin(response));
    }

    @Test
    void aConsoleFormPostedWithoutItsCsrfTokenIsRefusedEvenForAnOperator() {
        ConsoleClient operator = console().logIn(OPERATOR);
        List<Endpoint> forms = endpoints.stream().filter(endpoint -> !endpoint.api() && !endpoint.read()).toList();
        assertThat(forms).as("console form posts").isNotEmpty();

        SoftAssertions.assertSoftly(softly -> forms.forEach(endpoint -> softly.assertThat(
                operator.postExactly(endpoint.path(), Map.of()).statusCode())
                .as(endpoint + " without its CSRF token").isEqualTo(403)));
    }

    /** A page of another site can make a browser send the console's cookie: the API must not take it alone. */
    @Test
    void theApiNeverTakesAConsoleSessionCookieAlone() {
        ConsoleClient operator = console().logIn(OPERATOR);

        SoftAssertions.assertSoftly(softly -> endpoints.stream().filter(Endpoint::api)
                .forEach(endpoint -> softly.assertThat(console(operator, endpoint).statusCode())
                        .as(endpoint + " with the operator's console session and no Basic login").isEqualTo(401)));
    }

    @Test
    void theProbesAreOpenToNobody() {
        assertThat(api().anonymous().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(api().anonymous().get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void theScraperReadsThePrometheusEndpointAndNothingElse() {
        ApiClient scraper = api().as(SCRAPER);
        assertThat(scraper.get(PROMETHEUS).statusCode()).isEqualTo(200);

        SoftAssertions.assertSoftly(softly -> endpoints.stream()
                .filter(endpoint -> endpoint.api() && !endpoint.path().equals(PROMETHEUS))
                .forEach(endpoint -> softly.assertThat(api(scraper, endpoint).statusCode())
                        .as(endpoint + " as the scraper").isEqualTo(403)));
    }

    private interface Expected {
        boolean holds(Endpoint endpoint, HttpResponse<String> response);
    }

    private void assertEveryEndpoint(String who, ApiClient api, ConsoleClient browser, Expected expected) {
        Function<Endpoint, HttpResponse<String>> call = endpoint -> endpoint.api()
                ? api(api, endpoint) : console(browser, endpoint);
        SoftAssertions.assertSoftly(softly -> endpoints.forEach(endpoint -> {
            HttpResponse<String> response = call.apply(endpoint);
            softly.assertThat(expected.holds(endpoint, response))
                    .as("%s as %s: %d %s %s", endpoint, who, response.statusCode(), location(response),
                            abbreviated(response.body()))
                    .isTrue();
        }));
    }

    private static HttpResponse<String> api(ApiClient client, Endpoint endpoint) {
        return client.send(client.request(endpoint.path()).header("Content-Type", "application/json")
                .method(endpoint.method(), endpoint.read() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}")));
    }

    private static HttpResponse<String> console(ConsoleClient browser, Endpoint endpoint) {
        return endpoint.read() ? browser.get(endpoint.path()) : browser.submit(endpoint.method(), endpoint.path(),
                Map.of());
    }

    /**
     * Neither sent to log in nor refused by the login: whatever the endpoint itself answered of a name or id that
     * names nothing, short of failing (a 500 there is a bug an operator would meet on a mistyped link).
     */
    private static boolean passedTheLogin(HttpResponse<String> response) {
        int status = response.statusCode();
        return status != 401 && status != 403 && status != 429 && status < 500
                && !location(response).endsWith("/login");
    }

    private static boolean isProblem(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
