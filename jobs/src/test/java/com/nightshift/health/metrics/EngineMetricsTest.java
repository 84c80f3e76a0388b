package com.nightshift.health.metrics;

import static com.nightshift.rollup.RollupGrain.STORE_DAILY;
import static com.nightshift.support.OrderLineRows.aLine;
import static com.nightshift.support.TestUsers.SCRAPER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.config.BusinessCalendar;
import com.nightshift.ops.JobRunner;
import com.nightshift.rollup.cache.RollupReader;
import com.nightshift.support.RollupTestData;
import com.nightshift.support.WebIntegrationTest;

/**
 * The engine's own figures on {@code /actuator/prometheus}, scraped as the scraper user before and after the work
 * that moves them: job and step durations, order lines rolled up, the rollup cache's lookups by layer, the pool.
 */
class EngineMetricsTest extends WebIntegrationTest {

    private static final AtomicInteger STORES = new AtomicInteger();
    private static final Pattern LINES_ROLLED_UP = Pattern.compile("([\\d,]+) order lines rolled up");

    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RedisConnectionFactory redis;
    @Autowired
    RollupReader reader;
    @Autowired
    BusinessCalendar calendar;

    @Test
    void aJobRunAddsToItsJobTimerAndToEachOfItsStepsTimers() throws Exception {
        Scrape before = scrape();

        runner.run("health", Map.of());

        Scrape after = scrape();
        assertThat(count(after, "spring_batch_job_seconds_count", "spring_batch_job_name", "health")
                - count(before, "spring_batch_job_seconds_count", "spring_batch_job_name", "health")).isEqualTo(1);
        for (String step : new String[] {"healthDatabaseStep", "healthDiskStep"}) {
            assertThat(count(after, "spring_batch_step_seconds_count", "spring_batch_step_name", step)
                    - count(before, "spring_batch_step_seconds_count", "spring_batch_step_name", step))
                    .as(step).isEqualTo(1);
        }
    }

    @Test
    void theOrderLinesARollupReadAreCounted() throws Exception {
        LocalDate yesterday = calendar.yesterday();
        String store = "指标店" + STORES.incrementAndGet();
        aLine().store(store).on(yesterday).amount("12.30").insert(jdbc);
        aLine().store(store).on(yesterday).amount("45.60").insert(jdbc);
        double before = scrape().value("nightshift_rollup_order_lines_total").orElse(0);

        JobExecution run = runner.run("rollup", Map.of("mode", "full", "from", yesterday.toString(),
                "to", yesterday.toString()));

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long rolledUp = linesRolledUp(run);
        assertThat(rolledUp).isGreaterThanOrEqualTo(2);
        assertThat(scrape().value("nightshift_rollup_order_lines_total").orElseThrow() - before)
                .isEqualTo(rolledUp);
    }

    @Test
    void cacheReadsCountByLayerAndTheMemoryLayersHitRatioRises() {
        LocalDate yesterday = calendar.yesterday();
        String store = "缓存指标店" + STORES.incrementAndGet();
        new RollupTestData(jdbc, redis).storeDaily(store, yesterday).insert();
        reader.read(STORE_DAILY, store, yesterday, yesterday);
        Scrape before = scrape();

        reader.read(STORE_DAILY, store, yesterday, yesterday);

        Scrape after = scrape();
        String[] memoryHits = {"layer", "memory", "result", "hit"};
        assertThat(after.value("nightshift_rollup_cache_lookups_total", memoryHits).orElseThrow()
                - before.value("nightshift_rollup_cache_lookups_total", memoryHits).orElseThrow()).isEqualTo(1);
        assertThat(after.value("nightshift_rollup_cache_hit_ratio", "layer", "memory").orElseThrow())
                .isGreaterThan(before.value("nightshift_rollup_cache_hit_ratio", "layer", "memory").orElseThrow())
                .isLessThanOrEqualTo(1);
        assertThat(after.value("nightshift_rollup_cache_hit_ratio", "layer", "cache")).isPresent();
        assertThat(after.value("nightshift_rollup_cache_hit_ratio", "layer", "redis")).isPresent();
    }

    @Test
    void theConnectionPoolOfOurDataSourceIsPublished() {
        Scrape scrape = scrape();

        assertThat(scrape.value("hikaricp_connections_max", "pool", "nightshift")).hasValue(20);
        assertThat(scrape.value("hikaricp_connections_active", "pool", "nightshift")).isPresent();
        assertThat(scrape.value("hikaricp_connections_pending", "pool", "nightshift")).isPresent();
        assertThat(scrape.samples("hikaricp_connections_acquire_seconds_count", "pool", "nightshift")).isNotEmpty();
    }

    private static double count(Scrape scrape, String name, String label, String value) {
        return scrape.samples(name, label, value).stream()
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static long linesRolledUp(JobExecution run) {
        Matcher lines = LINES_ROLLED_UP.matcher(run.getExitStatus().getExitDescription());
        assertThat(lines.find()).as(run.getExitStatus().getExitDescription()).isTrue();
        return Long.parseLong(lines.group(1).replace(",", ""));
    }

    private Scrape scrape() {
        HttpResponse<String> response = api().as(SCRAPER).get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return new Scrape(response.body());
    }
}
