package com.nightshift.rollup.cache;

import static com.nightshift.rollup.RollupGrain.STORE_CHANNEL_DAILY;
import static com.nightshift.rollup.RollupGrain.STORE_DAILY;
import static com.nightshift.rollup.RollupGrain.STORE_PRODUCT_DAILY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
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
import org.springframework.transaction.support.TransactionTemplate;

import com.nightshift.rollup.CommittedRows;
import com.nightshift.rollup.RollupPartition;
import com.nightshift.rollup.RollupRow;
import com.nightshift.rollup.StoreDailyRow;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RedisOutage;
import com.nightshift.support.RollupTestData;

class RollupCacheTest extends IntegrationTest {

    private static final AtomicInteger STORES = new AtomicInteger();

    @Autowired
    private RollupCache cache;
    @Autowired
    private RollupReader reader;
    @Autowired
    private HotWindow hotWindow;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private RedisConnectionFactory redisClient;
    @Autowired
    private TransactionTemplate transaction;

    private RollupTestData rollups;
    private RedisProbe redis;
    // A store of its own per test: process memory is shared by every test of this application context.
    private final String store = "上海浦东店" + STORES.incrementAndGet();
    private DateRange window;

    @BeforeEach
    void cleanSlate(@Autowired RollupKeys keys, @Autowired RollupCodec codec) {
        rollups = new RollupTestData(jdbc, redisClient);
        rollups.clear();
        redis = new RedisProbe(redisClient, keys, codec);
        window = hotWindow.range();
    }

    @Test
    void refreshPartitionReplacesTheHotWindowKeysWithTheTablesRows() {
        LocalDate day = window.to();
        rollups.storeDaily(store, day).orders(1).insert();
        reader.read(STORE_DAILY, store, day, day);
        RollupDay storeDay = new RollupDay(STORE_DAILY, store, day);
        assertThat(redis.decoded(storeDay)).singleElement().extracting(RollupRow::orders).isEqualTo(1);
        jdbc.update("UPDATE rollup_store_daily SET orders = 5 WHERE store_name = ?", store);

        CacheRefresh refresh = cache.refreshPartition(store, day.minusDays(1), day);

        assertThat(refresh.succeeded()).isTrue();
        assertThat(refresh.written()).isEqualTo(2 * 3);
        assertThat(refresh.deleted()).isZero();
        assertThat(redis.decoded(storeDay)).singleElement().extracting(RollupRow::orders).isEqualTo(5);
        assertThat(redis.timeToLive(storeDay)).isGreaterThan(Duration.ofHours(47));
        assertThat(redis.decoded(new RollupDay(STORE_PRODUCT_DAILY, store, day.minusDays(1)))).isEmpty();
        assertThat(reader.read(STORE_DAILY, store, day, day)).singleElement()
                .extracting(RollupRow::orders).as("memory evicted").isEqualTo(5);
    }

    @Test
    void refreshPartitionDeletesTheKeysOfDatesOutsideTheHotWindow() {
        LocalDate old = window.from().minusDays(10);
        LocalDate today = window.to().plusDays(1);
        rollups.storeDaily(store, old).insert();
        rollups.storeDaily(store, today).insert();
        reader.read(STORE_DAILY, store, old, old);
        reader.read(STORE_CHANNEL_DAILY, store, today, today);

        CacheRefresh refresh = cache.refreshPartition(store, old, today);

        long outsideDays = 10 + 1;
        assertThat(refresh.written()).isEqualTo(window.lengthInDays() * 3);
        assertThat(refresh.deleted()).isEqualTo(outsideDays * 3);
        assertThat(redis.exists(new RollupDay(STORE_DAILY, store, old))).isFalse();
        assertThat(redis.exists(new RollupDay(STORE_CHANNEL_DAILY, store, today))).isFalse();
        assertThat(redis.exists(new RollupDay(STORE_DAILY, store, window.from()))).isTrue();
        assertThat(redis.keyCount()).as("the hot window's keys and the store's generation")
                .isEqualTo(window.lengthInDays() * 3 + 1);
    }

    @Test
    void refreshPartitionWithRedisDownReportsTheFailureAndTheNextWarmUpRepairsIt() throws Exception {
        LocalDate day = window.to();
        rollups.storeProductDaily(store, day, "小笼包").quantity(12).insert();
        RollupPartition partition = new RollupPartition(store, day, day);

        CacheRefresh refresh = RedisOutage.during(redisClient, () -> cache.refreshPartition(store, day, day));

        assertThat(refresh.succeeded()).isFalse();
        assertThat(refresh.failure()).hasValueSatisfying(failure -> assertThat(failure).contains("Redis"));
        assertThat(cache.pendingRepairs()).containsExactly(partition);
        // Once reads no longer skip Redis after its failure, a warm-up redoes the partition.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(cache.warmUp().repaired()).isEqualTo(1));
        assertThat(cache.pendingRepairs()).isEmpty();
        assertThat(redis.decoded(new RollupDay(STORE_PRODUCT_DAILY, store, day))).singleElement()
                .extracting(RollupRow::quantity).isEqualTo(12L);
    }

    @Test
    void refreshPartitionsWritesTheCommittedRowsOfEveryPartitionWithoutReadingTheTables() {
        LocalDate day = window.to();
        String other = store + "分店";
        RollupPartition first = new RollupPartition(store, day, day);
        RollupPartition second = new RollupPartition(other, day.minusDays(1), day);
        CommittedRows firstRows = (grain, from, to) ->
                grain == STORE_DAILY ? List.of(storeDay(store, day, 7)) : List.of();
        CommittedRows secondRows = (grain, from, to) ->
                grain == STORE_DAILY ? List.of(storeDay(other, day, 9)) : List.of();

        PendingRefresh pending = noted(first, second);

        List<CacheRefresh> refreshes = cache.refreshPartitions(pending, Map.of(first, firstRows, second, secondRows));

        assertThat(refreshes).allMatch(CacheRefresh::succeeded).hasSize(2);
        assertThat(cache.pendingRepairs()).as("notes removed once Redis holds the rows").isEmpty();
        assertThat(redis.decoded(new RollupDay(STORE_DAILY, store, day))).singleElement()
                .extracting(RollupRow::orders).isEqualTo(7);
        assertThat(redis.decoded(new RollupDay(STORE_DAILY, other, day))).singleElement()
                .extracting(RollupRow::orders).isEqualTo(9);
        assertThat(redis.decoded(new RollupDay(STORE_DAILY, other, day.minusDays(1)))).isEmpty();
    }

    @Test
    void refreshPartitionsWithRedisDownLeavesEveryPartitionForTheWarmUp() throws Exception {
        LocalDate day = window.to();
        RollupPartition first = new RollupPartition(store, day, day);
        RollupPartition second = new RollupPartition(store + "分店", day, day);
        CommittedRows none = (grain, from, to) -> List.of();
        PendingRefresh pending = noted(first, second);

        List<CacheRefresh> refreshes = RedisOutage.during(redisClient,
                () -> cache.refreshPartitions(pending, Map.of(first, none, second, none)));

        assertThat(refreshes).noneMatch(CacheRefresh::succeeded).hasSize(2);
        assertThat(cache.pendingRepairs()).contains(first, second);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(cache.warmUp().repaired()).isEqualTo(2));
    }

    private static StoreDailyRow storeDay(String store, LocalDate day, int orders) {
        return new StoreDailyRow(day, store, orders, orders, orders, BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.TEN);
    }

    @Test
    void aRepairNotedByOneProcessIsDoneByTheNextWarmUpOfAnother() throws Exception {
        LocalDate day = window.to();
        rollups.storeDaily(store, day).orders(3).insert();
        RollupPartition partition = new RollupPartition(store, day, day);
        RedisOutage.during(redisClient, () -> cache.refreshPartition(store, day, day));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM rollup_cache_repair WHERE store_name = ?", Long.class,
                store)).as("noted in the database, where another process finds it").isEqualTo(1);
        assertThat(cache.pendingRepairs()).containsExactly(partition);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(cache.warmUp().repaired()).isEqualTo(1));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rollup_cache_repair", Long.class)).isZero();
        assertThat(redis.decoded(new RollupDay(STORE_DAILY, store, day))).singleElement()
                .extracting(RollupRow::orders).isEqualTo(3);
    }

    @Test
    void warmUpWritesExactlyTheMissingKeys() {
        String other = store + "分店";
        rollups.storeDaily(store, window.to()).insert();
        rollups.storeDaily(other, window.from()).insert();
        rollups.storeChannelDaily(other, window.from(), "团购").orders(4).insert();
        long hotKeys = 2 * window.lengthInDays() * 3;
        assertThat(cache.warmUp().written()).isEqualTo(hotKeys);
        RollupDay evicted = new RollupDay(STORE_CHANNEL_DAILY, other, window.from());
        RollupDay expired = new RollupDay(STORE_PRODUCT_DAILY, store, window.to());
        redis.delete(evicted);
        redis.delete(expired);

        WarmUpResult warmUp = cache.warmUp();

        assertThat(warmUp.checked()).isEqualTo(hotKeys);
        assertThat(warmUp.written()).isEqualTo(2);
        assertThat(redis.decoded(evicted)).singleElement().extracting(RollupRow::orders).isEqualTo(4);
        assertThat(redis.decoded(expired)).isEmpty();
        assertThat(redis.keyCount()).isEqualTo(hotKeys);
    }

    @Test
    void warmUpWritesNothingWhenEveryKeyExists() {
        LocalDate day = window.to();
        rollups.storeDaily(store, day).insert();
        reader.read(STORE_DAILY, store, day, day);
        RollupDay cachedOnRead = new RollupDay(STORE_DAILY, store, day);
        cache.warmUp();

        WarmUpResult warmUp = cache.warmUp();

        assertThat(warmUp.checked()).isEqualTo(window.lengthInDays() * 3);
        assertThat(warmUp.written()).isZero();
        assertThat(warmUp.succeeded()).isTrue();
        assertThat(redis.timeToLive(cachedOnRead)).as("left as the read wrote it").isLessThan(Duration.ofHours(25));
    }

    @Test
    void anEarlierCommitsRefreshArrivingAfterALaterOnesLeavesTheLaterRowsAndItsNoteForTheWarmUp() {
        LocalDate day = window.to();
        RollupPartition partition = new RollupPartition(store, day, day);
        PendingRefresh earlier = noted(partition);
        PendingRefresh later = noted(partition);
        CommittedRows earlierRows = (grain, from, to) -> grain == STORE_DAILY ? List.of(storeDay(store, day, 1))
                : List.of();
        CommittedRows laterRows = (grain, from, to) -> grain == STORE_DAILY ? List.of(storeDay(store, day, 2))
                : List.of();
        assertThat(cache.refreshPartitions(later, Map.of(partition, laterRows))).singleElement()
                .matches(CacheRefresh::succeeded);

        List<CacheRefresh> late = cache.refreshPartitions(earlier, Map.of(partition, earlierRows));

        assertThat(late).singleElement().matches(refresh -> !refresh.succeeded());
        assertThat(redis.decoded(new RollupDay(STORE_DAILY, store, day))).singleElement()
                .extracting(RollupRow::orders).isEqualTo(2);
        assertThat(cache.pendingRepairs()).containsExactly(partition);
    }

    @Test
    void aSecondTransactionNotingTheSameStoreWaitsForTheFirstOnesCommit() throws Exception {
        RollupPartition partition = new RollupPartition(store, window.to(), window.to());
        CountDownLatch firstNoted = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<PendingRefresh> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            PendingRefresh pending = cache.noteRefresh(List.of(partition));
            firstNoted.countDown();
            awaitQuietly(commitFirst);
            return pending;
        }));
        assertThat(firstNoted.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<PendingRefresh> second = CompletableFuture.supplyAsync(() -> noted(partition));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", Long.class) == 1);
        assertThat(second).isNotDone();
        commitFirst.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).noteOf(partition))
                .isLessThan(second.get(30, TimeUnit.SECONDS).noteOf(partition));
    }

    @Test
    void aNoteCommitsAndRollsBackWithTheTransactionThatWroteIt() {
        RollupPartition committed = new RollupPartition(store, window.to(), window.to());
        RollupPartition rolledBack = new RollupPartition(store + "分店", window.to(), window.to());

        noted(committed);
        transaction.executeWithoutResult(status -> {
            cache.noteRefresh(List.of(rolledBack));
            status.setRollbackOnly();
        });

        assertThat(cache.pendingRepairs()).containsExactly(committed);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Notes the partitions as the transaction committing their rows does. */
    private PendingRefresh noted(RollupPartition... partitions) {
        return transaction.execute(status -> cache.noteRefresh(List.of(partitions)));
    }
}
