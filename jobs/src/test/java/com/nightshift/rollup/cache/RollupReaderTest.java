package com.nightshift.rollup.cache;

import static com.nightshift.rollup.RollupGrain.STORE_CHANNEL_DAILY;
import static com.nightshift.rollup.RollupGrain.STORE_DAILY;
import static com.nightshift.rollup.RollupGrain.STORE_PRODUCT_DAILY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.rollup.RollupRow;
import com.nightshift.rollup.StoreChannelDailyRow;
import com.nightshift.rollup.StoreProductDailyRow;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RollupTestData;

import io.micrometer.core.instrument.MeterRegistry;

class RollupReaderTest extends IntegrationTest {

    private static final AtomicInteger STORES = new AtomicInteger();

    @Autowired
    private RollupReader reader;
    @Autowired
    private RollupMemoryCache memory;
    @Autowired
    private HotWindow hotWindow;
    @Autowired
    private MeterRegistry registry;
    @Autowired
    private RollupKeys keys;

    private RollupTestData rollups;
    private RedisProbe redis;
    // A store of its own per test: process memory is shared by every test of this application context.
    private final String store = "北京朝阳店" + STORES.incrementAndGet();
    private LocalDate yesterday;

    @BeforeEach
    void cleanSlate(@Autowired JdbcTemplate jdbc, @Autowired RedisConnectionFactory connectionFactory,
            @Autowired RollupCodec codec) {
        rollups = new RollupTestData(jdbc, connectionFactory);
        rollups.clear();
        redis = new RedisProbe(connectionFactory, keys, codec);
        yesterday = hotWindow.range().to();
    }

    @Test
    void eachLayerReturnsTheSameRowsAndCountsItsLookups() {
        LocalDate first = yesterday.minusDays(1);
        rollups.storeChannelDaily(store, first, "堂食").orders(3).quantity(7).gross("88.80").refund("8.80").insert();
        rollups.storeChannelDaily(store, first, "美团外卖").orders(2).quantity(2).gross("45.50").insert();
        rollups.storeChannelDaily(store, yesterday, "饿了么").orders(1).quantity(4).gross("60.00").insert();
        List<RollupDay> days = RollupDay.of(STORE_CHANNEL_DAILY, store, new DateRange(first, yesterday));

        LookupCounts start = LookupCounts.of(registry);
        List<RollupRow> fromDatabase = reader.read(STORE_CHANNEL_DAILY, store, first, yesterday);
        LookupCounts afterDatabase = LookupCounts.of(registry);
        memory.evict(days);
        List<RollupRow> fromRedis = reader.read(STORE_CHANNEL_DAILY, store, first, yesterday);
        LookupCounts afterRedis = LookupCounts.of(registry);
        List<RollupRow> fromMemory = reader.read(STORE_CHANNEL_DAILY, store, first, yesterday);

        assertThat(fromDatabase).containsExactly(
                channelRow(first, "堂食", 3, 7, "88.80", "8.80", "80.00"),
                channelRow(first, "美团外卖", 2, 2, "45.50", "0.00", "45.50"),
                channelRow(yesterday, "饿了么", 1, 4, "60.00", "0.00", "60.00"));
        assertThat(fromRedis).isEqualTo(fromDatabase);
        assertThat(fromMemory).isEqualTo(fromDatabase);
        assertThat(afterDatabase.since(start)).isEqualTo(new LookupCounts(0, 2, 0, 2, 2));
        assertThat(afterRedis.since(afterDatabase)).isEqualTo(new LookupCounts(0, 2, 2, 0, 0));
        assertThat(LookupCounts.of(registry).since(afterRedis)).isEqualTo(new LookupCounts(2, 0, 0, 0, 0));
    }

    @Test
    void chineseAndEmojiStoreNamesRoundTripThroughRedisKeys() {
        String emojiStore = "成都春熙路店🌶️🍜" + STORES.incrementAndGet();
        rollups.storeDaily(emojiStore, yesterday).orders(9).lines(14).quantity(20).gross("321.00").insert();
        RollupDay day = new RollupDay(STORE_DAILY, emojiStore, yesterday);

        List<RollupRow> fromDatabase = reader.read(STORE_DAILY, emojiStore, yesterday, yesterday);
        memory.evict(List.of(day));
        List<RollupRow> fromRedis = reader.read(STORE_DAILY, emojiStore, yesterday, yesterday);

        assertThat(redis.raw(keys.prefix() + ":store-daily:" + emojiStore + ":" + yesterday)).isNotNull();
        assertThat(keys.keyOf(day).getBytes(StandardCharsets.UTF_8))
                .startsWith((keys.prefix() + ":store-daily:成都春熙路店🌶️🍜").getBytes(StandardCharsets.UTF_8));
        assertThat(fromRedis).isEqualTo(fromDatabase).singleElement()
                .extracting(RollupRow::store).isEqualTo(emojiStore);
    }

    @Test
    void amountsWithCentsAreExactInEveryLayer() {
        rollups.storeDaily(store, yesterday).gross("123456789012.34").refund("0.10").insert();
        RollupDay day = new RollupDay(STORE_DAILY, store, yesterday);

        List<RollupRow> fromDatabase = reader.read(STORE_DAILY, store, yesterday, yesterday);
        memory.evict(List.of(day));
        List<RollupRow> fromRedis = reader.read(STORE_DAILY, store, yesterday, yesterday);

        for (List<RollupRow> rows : List.of(fromDatabase, fromRedis)) {
            assertThat(rows).singleElement().satisfies(row -> {
                // BigDecimal equality includes the scale: 0.10 is not 0.1
                assertThat(row.grossAmount()).isEqualTo(new BigDecimal("123456789012.34"));
                assertThat(row.refundAmount()).isEqualTo(new BigDecimal("0.10"));
                assertThat(row.netAmount()).isEqualTo(new BigDecimal("123456789012.24"));
            });
        }
    }

    @Test
    void anEmptyStoreDayIsCachedAndServedAsEmpty() {
        rollups.storeDaily(store, yesterday.minusDays(1)).insert();
        RollupDay empty = new RollupDay(STORE_PRODUCT_DAILY, store, yesterday);

        List<RollupRow> fromDatabase = reader.read(STORE_PRODUCT_DAILY, store, yesterday, yesterday);
        memory.evict(List.of(empty));
        LookupCounts beforeSecondRead = LookupCounts.of(registry);
        List<RollupRow> fromRedis = reader.read(STORE_PRODUCT_DAILY, store, yesterday, yesterday);

        assertThat(fromDatabase).isEmpty();
        assertThat(redis.raw(empty)).asString(StandardCharsets.UTF_8).isEqualTo("[]");
        assertThat(fromRedis).isEmpty();
        assertThat(LookupCounts.of(registry).since(beforeSecondRead)).isEqualTo(new LookupCounts(0, 1, 1, 0, 0));
    }

    @Test
    void rowsAreOrderedByDateThenDetailInEveryLayer() {
        LocalDate first = yesterday.minusDays(1);
        // Numbered names sort the same under every collation the database may have.
        rollups.storeProductDaily(store, yesterday, "3 麻婆豆腐").insert();
        rollups.storeProductDaily(store, first, "2 鱼香肉丝").insert();
        rollups.storeProductDaily(store, yesterday, "1 宫保鸡丁").insert();
        rollups.storeProductDaily(store, first, "1 宫保鸡丁").insert();

        List<RollupRow> fromDatabase = reader.read(STORE_PRODUCT_DAILY, store, first, yesterday);
        memory.evict(RollupDay.of(STORE_PRODUCT_DAILY, store, new DateRange(first, yesterday)));
        List<RollupRow> fromRedis = reader.read(STORE_PRODUCT_DAILY, store, first, yesterday);

        assertThat(fromDatabase).extracting(RollupReaderTest::dateAndProduct).containsExactly(
                first + " 1 宫保鸡丁", first + " 2 鱼香肉丝", yesterday + " 1 宫保鸡丁", yesterday + " 3 麻婆豆腐");
        assertThat(fromRedis).isEqualTo(fromDatabase);
    }

    @Test
    void aLargeStoreProductDayIsStoredGzippedAndASmallOneAsPlainJson() {
        LocalDate small = yesterday.minusDays(1);
        for (int product = 1; product <= 60; product++) {
            rollups.storeProductDaily(store, yesterday, "招牌菜" + product).orders(product).gross(product + ".50").insert();
        }
        rollups.storeProductDaily(store, small, "米饭").gross("2.00").insert();

        List<RollupRow> fromDatabase = reader.read(STORE_PRODUCT_DAILY, store, small, yesterday);
        memory.evict(RollupDay.of(STORE_PRODUCT_DAILY, store, new DateRange(small, yesterday)));
        List<RollupRow> fromRedis = reader.read(STORE_PRODUCT_DAILY, store, small, yesterday);

        byte[] large = redis.raw(new RollupDay(STORE_PRODUCT_DAILY, store, yesterday));
        assertThat(large).startsWith(0x1f, 0x8b).hasSizeLessThan(1024);
        assertThat(redis.raw(new RollupDay(STORE_PRODUCT_DAILY, store, small))).startsWith('[');
        assertThat(fromRedis).hasSize(61).isEqualTo(fromDatabase);
    }

    private static String dateAndProduct(RollupRow row) {
        return row.businessDate() + " " + ((StoreProductDailyRow) row).product();
    }

    private StoreChannelDailyRow channelRow(LocalDate date, String channel, int orders, long quantity, String gross,
            String refund, String net) {
        return new StoreChannelDailyRow(date, store, channel, orders, quantity, new BigDecimal(gross),
                new BigDecimal(refund), new BigDecimal(net));
    }
}
