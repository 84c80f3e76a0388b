package com.nightshift.rollup.job;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.config.BusinessCalendar;
import com.nightshift.ops.JobRunner;
import com.nightshift.rollup.cache.RollupCache;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RedisOutage;
import com.nightshift.support.RollupTableState;

class RollupCachingTest extends IntegrationTest {

    private static final String STORE = "杭州西湖店";

    @Autowired
    BusinessCalendar calendar;
    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RedisConnectionFactory redis;
    @Autowired
    RollupCache cache;

    private String key;

    /** Read from the engine's own calendar when each test starts, and given to runs explicitly. */
    private LocalDate yesterday;
    private Map<String, String> yesterdayOnly;

    @BeforeEach
    void oneLineYesterdayAndAWorkingEmptyCache() {
        yesterday = calendar.yesterday();
        yesterdayOnly = Map.of("mode", "full", "from", yesterday.toString(), "to", yesterday.toString());
        key = "nightshift:rollup:v1:" + jdbc.queryForObject("SELECT id FROM nightshift_database", String.class)
                + ":store-daily:" + STORE + ":" + yesterday;
        await("Redis is used again after an earlier test's outage").atMost(Duration.ofSeconds(30))
                .until(() -> cache.warmUp().succeeded());
        RollupTableState.clear(jdbc);
        try (RedisConnection connection = redis.getConnection()) {
            connection.serverCommands().flushAll();
        }
        aLine().store(STORE).on(yesterday).amount("66.60").insert(jdbc);
    }

    @Test
    void aCommittedPartitionIsInRedisWhenTheRunEnds() throws Exception {
        JobExecution execution = runner.run("rollup", yesterdayOnly);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(cached(key)).contains("66.60");
        assertThat(execution.getExitStatus().getExitDescription()).contains("cache warm");
    }

    @Test
    void theRefreshNoteOfACommittedPartitionIsRemovedOnceRedisHoldsItsRows() throws Exception {
        JobExecution execution = runner.run("rollup", yesterdayOnly);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rollup_cache_repair", Long.class)).isZero();
    }

    @Test
    void aRedisOutageDoesNotFailTheRunAndTheNextWarmUpReplacesTheStaleKey() throws Exception {
        JobExecution duringOutage = RedisOutage.during(redis, () -> runner.run("rollup", yesterdayOnly));

        assertThat(duringOutage.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(duringOutage.getExitStatus().getExitDescription()).contains("cache NOT warm");
        assertThat(jdbc.queryForObject("SELECT net_amount FROM rollup_store_daily", String.class)).isEqualTo("66.60");
        // What Redis held before the run: a warm-up that only adds missing keys would leave it.
        store(key, "[{\"businessDate\":\"" + yesterday + "\",\"netAmount\":11.10}]");

        // the cache skips Redis for a few seconds after a failure: the first warm-up that finds it back repairs it
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.warmUp().succeeded());

        assertThat(cached(key)).contains("66.60").doesNotContain("11.10");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rollup_cache_repair", Long.class)).isZero();
    }

    private void store(String key, String value) {
        try (RedisConnection connection = redis.getConnection()) {
            connection.stringCommands().set(key.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private String cached(String key) {
        try (RedisConnection connection = redis.getConnection()) {
            byte[] value = connection.stringCommands().get(key.getBytes(StandardCharsets.UTF_8));
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
    }
}
