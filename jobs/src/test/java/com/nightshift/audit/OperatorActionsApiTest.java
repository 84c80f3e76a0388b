package com.nightshift.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nightshift.support.TestUsers;
import com.nightshift.support.WebIntegrationTest;

/** Every API request that changes something is recorded with who, what, on what and how it was answered. */
class OperatorActionsApiTest extends WebIntegrationTest {

    @Autowired
    OperatorActions actions;

    @Test
    void anActionIsRecordedWithItsUserVerbTargetAndAnswerEvenWhenRefused() throws Exception {
        HttpResponse<String> response = api().post("/api/schedules/no-such-schedule/pause");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(newest()).satisfies(action -> {
            assertThat(action.user()).isEqualTo(TestUsers.OPERATOR.user());
            assertThat(action.action()).isEqualTo("pause");
            assertThat(action.target()).isEqualTo("schedules/no-such-schedule");
            assertThat(action.status()).isEqualTo(404);
        });
    }

    @Test
    void aStartIsRecordedWithTheExecutionItStarted() throws Exception {
        HttpResponse<String> response = api().post("/api/jobs/rollup/executions",
                "{\"mode\": \"incremental\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(newest()).satisfies(action -> {
            assertThat(action.action()).isEqualTo("start");
            assertThat(action.target()).isEqualTo("jobs/rollup");
            assertThat(action.outcome()).isEqualTo(response.headers().firstValue("Location").orElseThrow());
        });
        // the run ends before the next test of the shared context could meet it
        String location = response.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> !api().get(location).body()
                .matches(".*\"status\":\"(STARTING|STARTED|STOPPING)\".*"));
    }

    @Test
    void readsAreNotRecorded() throws Exception {
        api().post("/api/schedules/no-such-schedule/resume");
        long newest = newest().id();

        api().get("/api/audit");

        assertThat(newest().id()).isEqualTo(newest);
    }

    @Test
    void theAuditIsListedNewestFirstAPageAtATime() throws Exception {
        api().post("/api/schedules/a/pause");
        api().post("/api/schedules/b/pause");

        HttpResponse<String> first = api().get("/api/audit?limit=1");
        long newestId = newest().id();
        HttpResponse<String> next = api().get("/api/audit?limit=1&before=" + newestId);

        assertThat(first.body()).contains("\"target\":\"schedules/b\"").doesNotContain("schedules/a\"");
        assertThat(next.body()).contains("\"target\":\"schedules/a\"");
    }

    @Test
    void aLimitOutOfRangeIsABadRequestSayingTheRange() throws Exception {
        HttpResponse<String> response = api().get("/api/audit?limit=0");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("limit must be 1 to 200, was 0");
    }

    private OperatorAction newest() {
        List<OperatorAction> page = actions.page(null, 1);
        assertThat(page).isNotEmpty();
        return page.get(0);
    }
}
