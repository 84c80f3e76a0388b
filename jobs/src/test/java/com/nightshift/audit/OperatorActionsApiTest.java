package com.nightshift.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.nightshift.support.WebIntegrationTest;

/** Every API request that changes something is recorded with who, what, on what and how it was answered. */
class OperatorActionsApiTest extends WebIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    OperatorActions actions;

    @Test
    void anActionIsRecordedWithItsUserVerbTargetAndAnswerEvenWhenRefused() throws Exception {
        HttpResponse<String> response = send(post("/api/schedules/no-such-schedule/pause"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(newest()).satisfies(action -> {
            assertThat(action.user()).isEqualTo("anonymous");
            assertThat(action.action()).isEqualTo("pause");
            assertThat(action.target()).isEqualTo("schedules/no-such-schedule");
            assertThat(action.status()).isEqualTo(404);
        });
    }

    @Test
    void aStartIsRecordedWithTheExecutionItStarted() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/jobs/rollup/executions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\": \"incremental\"}")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(newest()).satisfies(action -> {
            assertThat(action.action()).isEqualTo("start");
            assertThat(action.target()).isEqualTo("jobs/rollup");
            assertThat(action.outcome()).isEqualTo(response.headers().firstValue("Location").orElseThrow());
        });
        // the run ends before the next test of the shared context could meet it
        String location = response.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> !send(HttpRequest.newBuilder(uri(location)).GET()).body()
                .matches(".*\"status\":\"(STARTING|STARTED|STOPPING)\".*"));
    }

    @Test
    void readsAreNotRecorded() throws Exception {
        send(post("/api/schedules/no-such-schedule/resume"));
        long newest = newest().id();

        send(HttpRequest.newBuilder(uri("/api/audit")).GET());

        assertThat(newest().id()).isEqualTo(newest);
    }

    @Test
    void theAuditIsListedNewestFirstAPageAtATime() throws Exception {
        send(post("/api/schedules/a/pause"));
        send(post("/api/schedules/b/pause"));

        HttpResponse<String> first = send(HttpRequest.newBuilder(uri("/api/audit?limit=1")).GET());
        long newestId = newest().id();
        HttpResponse<String> next = send(HttpRequest.newBuilder(uri("/api/audit?limit=1&before=" + newestId)).GET());

        assertThat(first.body()).contains("\"target\":\"schedules/b\"").doesNotContain("schedules/a\"");
        assertThat(next.body()).contains("\"target\":\"schedules/a\"");
    }

    @Test
    void aLimitOutOfRangeIsABadRequestSayingTheRange() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/audit?limit=0")).GET());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("limit must be 1 to 200, was 0");
    }

    private OperatorAction newest() {
        List<OperatorAction> page = actions.page(null, 1);
        assertThat(page).isNotEmpty();
        return page.get(0);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
