package com.nightshift.rollup.cache;

import static com.nightshift.rollup.RollupGrain.STORE_DAILY;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.NightshiftApplication;
import com.nightshift.support.RedisOutage;
import com.nightshift.support.RollupTestData;
import com.nightshift.support.TestServers;

/**
 * The cache's timings, printed rather than asserted (run by {@code bench/cache}): a warm-up that finds every
 * hot key present, and dashboard reads while Redis is down. On the test servers, like the tests.
 */
public final class CacheBench {

    private static final int STORES = 100;
    private static final int RUNS = 5;

    private CacheBench() {
    }

    public static void main(String[] args) throws Exception {
        TestServers servers = TestServers.get();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NightshiftApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.quartz.auto-startup=false", "nightshift.schema.migrate-on-start=true",
                        "spring.datasource.url=" + servers.jdbcUrl(),
                        "spring.datasource.username=postgres",
                        "spring.data.redis.host=127.0.0.1",
                        "spring.data.redis.port=" + servers.redis().port(),
                        "spring.mail.host=127.0.0.1",
                        "spring.mail.port=" + servers.smtpPort(),
                        "nightshift.data-dir=" + servers.dataDir(),
                        "logging.level.root=warn")
                .run()) {
            warmUp(context);
            readsDuringAnOutage(context);
        }
        System.exit(0);
    }

    /** Target: under 300 ms for 100 stores x 45 days x 3 grains with nothing missing. */
    private static void warmUp(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        RollupCache cache = context.getBean(RollupCache.class);
        DateRange window = context.getBean(HotWindow.class).range();
        new RollupTestData(jdbc, context.getBean(RedisConnectionFactory.class)).clear();
        jdbc.update("INSERT INTO rollup_store_daily (store_name, business_date, orders, lines, quantity,"
                + " gross_amount, refund_amount, net_amount)"
                + " SELECT '门店' || s, d, 1, 1, 1, 10.00, 0.00, 10.00"
                + " FROM generate_series(1, ?) AS s, generate_series(?::date, ?::date, interval '1 day') AS d",
                STORES, window.from(), window.to());
        WarmUpResult first = cache.warmUp();
        List<Duration> runs = timed(RUNS, cache::warmUp);
        System.out.printf("warm-up, %d stores x %d days x 3 grains (%,d keys written first), nothing missing:"
                + " fastest %d ms, median %d ms of %d (target: under 300 ms)%n", STORES, window.lengthInDays(),
                first.written(), runs.get(0).toMillis(), runs.get(RUNS / 2).toMillis(), RUNS);
    }

    /** Target: ten reads under 1 s together, when one read waiting for Redis's timeout would take 2 s. */
    private static void readsDuringAnOutage(ConfigurableApplicationContext context) throws Exception {
        RollupReader reader = context.getBean(RollupReader.class);
        RollupMemoryCache memory = context.getBean(RollupMemoryCache.class);
        LocalDate yesterday = context.getBean(HotWindow.class).range().to();
        String store = "门店1";
        Duration tenReads = RedisOutage.during(context.getBean(RedisConnectionFactory.class), () -> {
            long start = System.nanoTime();
            for (int day = 0; day < 10; day++) {
                LocalDate date = yesterday.minusDays(day);
                memory.evict(RollupDay.of(STORE_DAILY, store, new DateRange(date, date)));
                reader.read(STORE_DAILY, store, date, date);
            }
            return Duration.ofNanos(System.nanoTime() - start);
        });
        System.out.printf("ten reads while Redis is down: %d ms together (target: under 1 s; Redis's timeout"
                + " is 2 s)%n", tenReads.toMillis());
    }

    private static List<Duration> timed(int runs, Supplier<?> action) {
        List<Duration> times = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            action.get();
            times.add(Duration.ofNanos(System.nanoTime() - start));
        }
        Collections.sort(times);
        return times;
    }
}
