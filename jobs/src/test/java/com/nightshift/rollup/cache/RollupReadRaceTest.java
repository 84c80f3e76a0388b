package com.nightshift.rollup.cache;

import static com.nightshift.rollup.RollupGrain.STORE_DAILY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.rollup.RollupGrain;
import com.nightshift.rollup.RollupRow;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RollupTestData;

/**
 * A dashboard read that fetched a store-day from the tables just before a rollup committed new rows and
 * refreshed the cache, and writes what it fetched back only after that refresh: forced in that order by a
 * reader whose table reads wait for the test.
 */
class RollupReadRaceTest extends IntegrationTest {

    private static final AtomicInteger STORES = new AtomicInteger();

    @Autowired
    private RollupReader reader;
    @Autowired
    private RollupCache cache;
    @Autowired
    private RollupMemoryCache memory;
    @Autowired
    private RollupRedis redisLayer;
    @Autowired
    private RollupTables tables;
    @Autowired
    private CacheLookupMetrics metrics;
    @Autowired
    private RollupCacheProperties properties;
    @Autowired
    private HotWindow hotWindow;
    @Autowired
    private JdbcTemplate jdbc;

    private RollupTestData rollups;
    private RedisProbe redis;
    private final String store = "深圳福田店" + STORES.incrementAndGet();

    @BeforeEach
    void cleanSlate(@Autowired RedisConnectionFactory connectionFactory, @Autowired RollupKeys keys,
            @Autowired RollupCodec codec) {
        rollups = new RollupTestData(jdbc, connectionFactory);
        rollups.clear();
        redis = new RedisProbe(connectionFactory, keys, codec);
    }

    @Test
    void aDayOutsideTheHotWindowReadBeforeARefreshIsNotWrittenBackAfterIt() throws Exception {
        LocalDate old = hotWindow.range().from().minusDays(30);
        rollups.storeDaily(store, old).orders(1).insert();

        readRacingARefresh(old);

        assertThat(redis.exists(new RollupDay(STORE_DAILY, store, old))).as("old rows written back").isFalse();
        assertThat(reader.read(STORE_DAILY, store, old, old)).singleElement()
                .extracting(RollupRow::orders).isEqualTo(2);
    }

    @Test
    void aHotDayReadBeforeARefreshIsNotKeptInMemoryAfterIt() throws Exception {
        LocalDate yesterday = hotWindow.range().to();
        rollups.storeDaily(store, yesterday).orders(1).insert();

        readRacingARefresh(yesterday);

        assertThat(redis.decoded(new RollupDay(STORE_DAILY, store, yesterday))).singleElement()
                .extracting(RollupRow::orders).isEqualTo(2);
        assertThat(reader.read(STORE_DAILY, store, yesterday, yesterday)).as("what memory serves").singleElement()
                .extracting(RollupRow::orders).isEqualTo(2);
    }

    @Test
    void aReadWithNoRefreshInBetweenWritesItsRowsBack() throws Exception {
        LocalDate old = hotWindow.range().from().minusDays(30);
        rollups.storeDaily(store, old).orders(1).insert();
        PausingTables paused = new PausingTables(jdbc);
        RollupReader pausedReader = new RollupReader(memory, redisLayer, paused, metrics, properties);

        CompletableFuture<List<RollupRow>> read = CompletableFuture.supplyAsync(
                () -> pausedReader.read(STORE_DAILY, store, old, old));
        assertThat(paused.tablesRead.await(30, TimeUnit.SECONDS)).isTrue();
        paused.proceed.countDown();
        read.get(30, TimeUnit.SECONDS);

        assertThat(redis.decoded(new RollupDay(STORE_DAILY, store, old))).singleElement()
                .extracting(RollupRow::orders).isEqualTo(1);
    }

    /**
     * A read of {@code day} fetches 1 order from the tables and waits; the rollup commits 2 orders and refreshes
     * the store's cache; then the read goes on and returns what it fetched.
     */
    private void readRacingARefresh(LocalDate day) throws Exception {
        PausingTables paused = new PausingTables(jdbc);
        RollupReader pausedReader = new RollupReader(memory, redisLayer, paused, metrics, properties);
        CompletableFuture<List<RollupRow>> read = CompletableFuture.supplyAsync(
                () -> pausedReader.read(STORE_DAILY, store, day, day));
        assertThat(paused.tablesRead.await(30, TimeUnit.SECONDS)).as("the read reached the tables").isTrue();

        jdbc.update("UPDATE rollup_store_daily SET orders = 2 WHERE store_name = ?", store);
        assertThat(cache.refreshPartition(store, day, day).succeeded()).isTrue();
        paused.proceed.countDown();

        assertThat(read.get(30, TimeUnit.SECONDS)).singleElement().extracting(RollupRow::orders).isEqualTo(1);
    }

    /** The rollup tables, holding each read's result until the test lets it go. */
    private static final class PausingTables extends RollupTables {

        final CountDownLatch tablesRead = new CountDownLatch(1);
        final CountDownLatch proceed = new CountDownLatch(1);

        PausingTables(JdbcTemplate jdbc) {
            super(jdbc);
        }

        @Override
        Map<RollupDay, List<RollupRow>> read(RollupGrain grain, String store, DateRange dates) {
            Map<RollupDay, List<RollupRow>> rows = super.read(grain, store, dates);
            tablesRead.countDown();
            try {
                if (!proceed.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the read go on");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return rows;
        }
    }
}
