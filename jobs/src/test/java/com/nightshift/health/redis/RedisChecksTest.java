package com.nightshift.health.redis;

import static com.nightshift.rollup.RollupGrain.STORE_DAILY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthState;
import com.nightshift.rollup.cache.CacheLookupMetrics;
import com.nightshift.rollup.cache.RollupReader;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RedisOutage;
import com.nightshift.support.RollupTestData;

/**
 * The Redis checks against the shared embedded Redis, really filled, evicting, misconfigured and stopped; each
 * test puts back the settings it changed, since other test classes use the same server.
 */
class RedisChecksTest extends IntegrationTest {

    private static final AtomicInteger STORES = new AtomicInteger();
    private static final String FILL = "health-test:fill:";

    @Autowired
    RedisConnectionFactory redis;
    @Autowired
    RedisThresholds defaults;
    @Autowired
    CacheLookupMetrics metrics;
    @Autowired
    RollupReader reader;
    @Autowired
    JdbcTemplate jdbc;

    private String policyBefore;
    private String maxmemoryBefore;

    @BeforeEach
    void rememberSettings() {
        policyBefore = config("maxmemory-policy");
        maxmemoryBefore = config("maxmemory");
    }

    @AfterEach
    void restoreSettings() {
        setConfig("maxmemory", maxmemoryBefore);
        setConfig("maxmemory-policy", policyBefore);
        try (RedisConnection connection = redis.getConnection()) {
            connection.serverCommands().flushAll();
        }
    }

    @Test
    void redisAnsweringQuicklyIsOk() {
        CheckResult result = new RedisReachableCheck(redis, defaults).run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).contains("answers in", " ms");
    }

    @Test
    void aPingSlowerThanTheWarningIsWarn() {
        RedisThresholds strict = thresholds(Duration.ZERO, Duration.ofMinutes(1), 1000, 0.85, 100);

        CheckResult result = new RedisReachableCheck(redis, strict).run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("answers slowly", "SLOWLOG");
    }

    @Test
    void redisDownIsCritForReachability() throws Exception {
        CheckResult result = RedisOutage.during(redis, () -> new RedisReachableCheck(redis, defaults).run());

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
        assertThat(result.message()).contains("does not answer", "reads go to the tables");
    }

    @Test
    void redisDownIsACouldNotCheckResultForTheOtherChecks() throws Exception {
        List<CheckResult> results = RedisOutage.during(redis, () -> List.of(
                new RedisMemoryCheck(redis, defaults).run(), new RedisEvictionPolicyCheck(redis, defaults).run(),
                new RedisEvictedKeysCheck(redis, defaults).run()));

        assertThat(results).allSatisfy(result -> {
            assertThat(result.state()).isEqualTo(HealthState.WARN);
            assertThat(result.message()).startsWith("could not check: Redis at 127.0.0.1:")
                    .contains("redis.reachable");
        });
    }

    @Test
    void redisFilledNearItsMaxmemoryIsWarn() {
        fill(2_000);
        setConfig("maxmemory", String.valueOf((long) (usedMemory() / 0.88)));

        CheckResult result = new RedisMemoryCheck(redis, defaults).run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("of its maxmemory", "(88%", "raise maxmemory");
    }

    @Test
    void redisFilledToItsMaxmemoryIsCrit() {
        fill(2_000);
        setConfig("maxmemory", String.valueOf((long) (usedMemory() / 0.99)));

        CheckResult result = new RedisMemoryCheck(redis, defaults).run();

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
    }

    @Test
    void redisWellBelowItsMaxmemoryIsOk() {
        setConfig("maxmemory", String.valueOf(1024L * 1024 * 1024));

        CheckResult result = new RedisMemoryCheck(redis, defaults).run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
    }

    @Test
    void redisWithoutMaxmemoryIsWarn() {
        setConfig("maxmemory", "0");

        CheckResult result = new RedisMemoryCheck(redis, defaults).run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("no maxmemory", "set maxmemory");
    }

    @Test
    void noEvictionPolicyIsWarnAndNamed() {
        setConfig("maxmemory-policy", "noeviction");

        CheckResult result = new RedisEvictionPolicyCheck(redis, defaults).run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("maxmemory-policy is noeviction", "refuse the cache's writes",
                "set maxmemory-policy allkeys-lru");
    }

    @Test
    void anLruPolicyIsOk() {
        setConfig("maxmemory-policy", "allkeys-lru");

        CheckResult result = new RedisEvictionPolicyCheck(redis, defaults).run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
    }

    @Test
    void keysEvictedForLackOfMemoryAreWarn() {
        resetStatistics();
        setConfig("maxmemory-policy", "allkeys-lru");
        setConfig("maxmemory", String.valueOf(usedMemory() + 100_000));
        fill(5_000);

        CheckResult result = new RedisEvictedKeysCheck(redis, thresholds(1)).run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("keys evicted since Redis started", "raise maxmemory");
        assertThat(result.values().get(0).value()).isPositive();
    }

    @Test
    void noEvictedKeysIsOk() {
        resetStatistics();

        CheckResult result = new RedisEvictedKeysCheck(redis, thresholds(1)).run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).startsWith("0 keys evicted");
    }

    @Test
    void readsTheCacheMissesAreBelowTheHitRateTarget() {
        String store = storeWithDays(10);
        CacheHitRateCheck check = new CacheHitRateCheck(metrics, thresholds(1));
        check.run();

        read(store, 10, 1);
        CheckResult result = check.run();

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
        assertThat(result.message()).contains("answered 0.0% of 10 store-day lookups since the previous check",
                "warn below 85%");
    }

    @Test
    void readsTheCacheAnswersMeetTheHitRateTarget() {
        String store = storeWithDays(10);
        read(store, 10, 1);
        CacheHitRateCheck check = new CacheHitRateCheck(metrics, thresholds(1));
        check.run();

        read(store, 10, 9);
        CheckResult result = check.run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).contains("answered 100.0% of 90 store-day lookups");
    }

    @Test
    void tooFewLookupsAreNotJudged() {
        CacheHitRateCheck check = new CacheHitRateCheck(metrics, defaults);
        check.run();

        CheckResult result = check.run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).contains("too few to judge");
    }

    private static RedisThresholds thresholds(Duration latencyWarn, Duration latencyCrit, long evictedKeysWarn,
                                              double hitRateWarn, long hitRateMinLookups) {
        return new RedisThresholds(latencyWarn, latencyCrit, 0.8, 0.95, List.of("allkeys-lru", "volatile-lru"),
                evictedKeysWarn, hitRateWarn, 0.5, hitRateMinLookups);
    }

    private static RedisThresholds thresholds(long evictedKeysWarnAndMinLookups) {
        return thresholds(Duration.ofMillis(20), Duration.ofMillis(200), evictedKeysWarnAndMinLookups, 0.85,
                evictedKeysWarnAndMinLookups);
    }

    /** A store of its own with one rollup row on each of the last {@code days} days up to yesterday. */
    private String storeWithDays(int days) {
        RollupTestData rollups = new RollupTestData(jdbc, redis);
        rollups.clear();
        String store = "健康检查店" + STORES.incrementAndGet();
        LocalDate yesterday = LocalDate.now().minusDays(1);
        for (int i = 0; i < days; i++) {
            rollups.storeDaily(store, yesterday.minusDays(i)).insert();
        }
        return store;
    }

    private void read(String store, int days, int times) {
        LocalDate yesterday = LocalDate.now().minusDays(1);
        for (int i = 0; i < times; i++) {
            reader.read(STORE_DAILY, store, yesterday.minusDays(days - 1L), yesterday);
        }
    }

    private void fill(int keys) {
        byte[] value = new byte[1_000];
        try (RedisConnection connection = redis.getConnection()) {
            for (int i = 0; i < keys; i++) {
                connection.stringCommands().set((FILL + i).getBytes(), value);
            }
        }
    }

    private long usedMemory() {
        return RedisInfo.number(RedisInfo.section(redis, "memory"), "used_memory");
    }

    private String config(String name) {
        try (RedisConnection connection = redis.getConnection()) {
            Properties config = connection.serverCommands().getConfig(name);
            return config.getProperty(name);
        }
    }

    private void setConfig(String name, String value) {
        try (RedisConnection connection = redis.getConnection()) {
            connection.serverCommands().setConfig(name, value);
        }
    }

    private void resetStatistics() {
        try (RedisConnection connection = redis.getConnection()) {
            connection.serverCommands().resetConfigStats();
        }
    }
}
