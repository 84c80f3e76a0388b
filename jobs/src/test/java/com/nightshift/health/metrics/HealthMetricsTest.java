package com.nightshift.health.metrics;

import static com.nightshift.support.TestUsers.SCRAPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthHistory;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.nightshift.ops.JobRunner;
import com.nightshift.support.WebIntegrationTest;

/**
 * The health checks on {@code /actuator/prometheus}, scraped as the scraper user: every series comes from the
 * latest stored results, so a result another instance stored shows as well as this one's.
 */
class HealthMetricsTest extends WebIntegrationTest {

    /** Longer than {@code nightshift.health.metrics.max-age}: a scrape may still answer from the previous read. */
    private static final Duration SHOWN = Duration.ofSeconds(20);

    @Autowired
    JobRunner runner;
    @Autowired
    HealthHistory history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<HealthCheck> checks;

    @Test
    void everyCheckHasItsStateAndGroupAfterAHealthRun() throws Exception {
        assertThat(runner.run("health", Map.of()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        await().atMost(SHOWN).untilAsserted(() -> {
            Scrape scrape = scrape();
            for (HealthCheck check : checks) {
                assertThat(scrape.value("nightshift_health_check_state", "check", check.name(),
                        "group", check.group().name().toLowerCase(Locale.ROOT))).as(check.name()).isPresent();
            }
        });
    }

    @Test
    void aCheckGoingCritShowsTwoAndZeroOnceFixed() throws Exception {
        // what a failed CREATE INDEX CONCURRENTLY leaves behind; the index is still maintained, so it is sound again
        // once marked valid
        invalidate("idx_orders_channel", true);
        try {
            runner.run("health", Map.of());
            await().atMost(SHOWN).untilAsserted(() -> assertThat(scrape().value("nightshift_health_check_state",
                    "check", "indexes.invalid")).hasValue(2));
        } finally {
            invalidate("idx_orders_channel", false);
        }

        runner.run("health", Map.of());

        await().atMost(SHOWN).untilAsserted(() -> assertThat(scrape().value("nightshift_health_check_state",
                "check", "indexes.invalid")).hasValue(0));
    }

    @Test
    void measuredValuesShowBesideTheirThresholds() throws Exception {
        runner.run("health", Map.of());

        await().atMost(SHOWN).untilAsserted(() -> {
            Scrape scrape = scrape();
            String[] roundTrip = {"check", "database.latency", "measure", "round_trip", "unit", "ms"};
            assertThat(scrape.value("nightshift_health_check_value", roundTrip)).isPresent();
            assertThat(scrape.value("nightshift_health_check_warn_threshold", roundTrip)).hasValue(100);
            assertThat(scrape.value("nightshift_health_check_crit_threshold", roundTrip)).hasValue(1000);
        });
    }

    @Test
    void aResultStoredByAnotherInstanceShowsHereWithWhenItWasFound() {
        long before = System.currentTimeMillis() / 1000;
        // as an instance that ran the check would store it: the metrics read the history, not this process
        history.record(null, new CheckResult("mail.smtp", CheckGroup.MAIL, HealthState.WARN, "slow answer",
                List.of(new Measurement("answer_time", 4321.5, 2000.0, null, "ms"))), Duration.ofMillis(4322));

        await().atMost(SHOWN).untilAsserted(() -> {
            Scrape scrape = scrape();
            assertThat(scrape.value("nightshift_health_check_state", "check", "mail.smtp")).hasValue(1);
            assertThat(scrape.value("nightshift_health_check_value", "check", "mail.smtp", "measure",
                    "answer_time")).hasValue(4321.5);
            assertThat(scrape.value("nightshift_health_check_checked_timestamp_seconds", "check", "mail.smtp")
                    .orElseThrow()).isGreaterThanOrEqualTo(before);
        });
    }

    @Test
    void aCheckTheCodeNoLongerHasIsLeftOut() {
        history.record(null, new CheckResult("disk.retired-check", CheckGroup.DISK, HealthState.CRIT, "old",
                List.of(new Measurement("old_measure", 1, null, 1.0, "files"))), Duration.ZERO);
        history.record(null, new CheckResult("disk.reports", CheckGroup.DISK, HealthState.OK, "enough room",
                List.of(new Measurement("free_share", 77.7, 10.0, 5.0, "%"))), Duration.ZERO);

        await().atMost(SHOWN).untilAsserted(() -> assertThat(scrape().value("nightshift_health_check_value",
                "check", "disk.reports", "measure", "free_share")).hasValue(77.7));
        assertThat(scrape().text()).doesNotContain("disk.retired-check", "old_measure");
    }

    @Test
    void theChecksAreCountedByState() throws Exception {
        runner.run("health", Map.of());

        await().atMost(SHOWN).untilAsserted(() -> {
            Scrape scrape = scrape();
            double counted = 0;
            for (HealthState state : HealthState.values()) {
                counted += scrape.value("nightshift_health_checks", "state", state.name()).orElseThrow();
            }
            assertThat(counted).isEqualTo(checks.size());
        });
    }

    private void invalidate(String index, boolean invalid) {
        jdbc.update("UPDATE pg_index SET indisvalid = ? WHERE indexrelid = ?::regclass", !invalid, index);
    }

    private Scrape scrape() {
        HttpResponse<String> response = api().as(SCRAPER).get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return new Scrape(response.body());
    }
}
