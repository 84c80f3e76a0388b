package com.nightshift.rollup.cache;

import static com.nightshift.rollup.RollupGrain.STORE_DAILY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RedisOutage;
import com.nightshift.support.RollupTestData;

/**
 * Reads after a Redis failure, counted by Redis itself ({@code INFO commandstats}): while the circuit is open
 * they do not call Redis at all, so they never wait for its timeout. The circuit stays open for 10 minutes here,
 * so that Redis can be back and count while it is.
 */
class RollupReaderCircuitTest extends IntegrationTest {

    @Autowired
    private RedisConnectionFactory redisClient;
    @Autowired
    private RollupKeys keys;
    @Autowired
    private RollupCodec codec;
    @Autowired
    private RollupMemoryCache memory;
    @Autowired
    private RollupTables tables;
    @Autowired
    private CacheLookupMetrics metrics;
    @Autowired
    private HotWindow hotWindow;
    @Autowired
    private JdbcTemplate jdbc;

    private RollupReader reader;
    private final String store = "重庆解放碑店";
    private LocalDate yesterday;

    @BeforeEach
    void aReaderWhoseCircuitStaysOpen() {
        new RollupTestData(jdbc, redisClient).clear();
        RollupCacheProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("cache.circuit-open-for", "10m"))).bindOrCreate("cache", Bindable.of(RollupCacheProperties.class));
        reader = new RollupReader(memory, new RollupRedis(redisClient, keys, codec, properties), tables, metrics,
                properties);
        yesterday = hotWindow.range().to();
        new RollupTestData(jdbc, redisClient).storeDaily(store, yesterday).orders(4).insert();
    }

    @Test
    void readsWhileTheCircuitIsOpenAnswerFromTheTablesWithoutCallingRedis() throws Exception {
        RedisOutage.during(redisClient, () -> readYesterday());
        resetCommandStats();

        for (int read = 0; read < 10; read++) {
            assertThat(readYesterday()).isEqualTo(4);
        }

        assertThat(callsOf("mget") + callsOf("evalsha") + callsOf("eval")).isZero();
    }

    @Test
    void readsWithTheCircuitClosedAskRedis() {
        resetCommandStats();

        assertThat(readYesterday()).isEqualTo(4);

        assertThat(callsOf("mget")).isEqualTo(1);
    }

    private int readYesterday() {
        memory.evict(RollupDay.of(STORE_DAILY, store, new DateRange(yesterday, yesterday)));
        return reader.read(STORE_DAILY, store, yesterday, yesterday).get(0).orders();
    }

    private void resetCommandStats() {
        try (RedisConnection connection = redisClient.getConnection()) {
            connection.serverCommands().resetConfigStats();
        }
    }

    private long callsOf(String command) {
        try (RedisConnection connection = redisClient.getConnection()) {
            Properties stats = connection.serverCommands().info("commandstats");
            String line = stats.getProperty("cmdstat_" + command);
            return line == null ? 0 : Long.parseLong(line.replaceAll("^calls=(\\d+),.*$", "$1"));
        }
    }
}
