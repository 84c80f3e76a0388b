package com.nightshift.rollup.api;

import static com.nightshift.rollup.RollupGrain.STORE_DAILY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.config.BusinessCalendar;
import com.nightshift.rollup.cache.CachedStoreDay;
import com.nightshift.support.RedisOutage;
import com.nightshift.support.RollupTestData;
import com.nightshift.support.WebIntegrationTest;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RollupApiTest extends WebIntegrationTest {

    private static final AtomicInteger STORES = new AtomicInteger();
    // Numbers as BigDecimal, so an amount is compared as the exact text the API wrote.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Autowired
    private BusinessCalendar calendar;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private RedisConnectionFactory redisClient;

    private RollupTestData rollups;
    // A store of its own per test: process memory is shared by every test of this application context.
    private final String store = "广州天河店🥟" + STORES.incrementAndGet();
    private LocalDate yesterday;

    @BeforeEach
    void cleanSlate(@Autowired JdbcTemplate jdbc) {
        rollups = new RollupTestData(jdbc, redisClient);
        rollups.clear();
        // the last day of the cache's hot window
        yesterday = calendar.yesterday();
    }

    @Test
    void answersWithTheStoreProductRowsAsJsonExactToTheCent() throws Exception {
        rollups.storeProductDaily(store, yesterday, "叉烧包").orders(7).quantity(9).gross("123456789012.30")
                .refund("0.10").insert();

        HttpResponse<String> response = get("/api/rollups/store-product-daily?store=" + encoded(store)
                + "&from=" + yesterday + "&to=" + yesterday);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"grossAmount\":123456789012.30", "\"refundAmount\":0.10");
        JsonNode row = single(response);
        assertThat(row.propertyNames()).containsExactlyInAnyOrder("businessDate", "store", "product", "orders",
                "quantity", "grossAmount", "refundAmount", "netAmount");
        assertThat(row.get("businessDate").asString()).isEqualTo(yesterday.toString());
        assertThat(row.get("store").asString()).isEqualTo(store);
        assertThat(row.get("product").asString()).isEqualTo("叉烧包");
        assertThat(row.get("orders").asInt()).isEqualTo(7);
        assertThat(row.get("quantity").asLong()).isEqualTo(9);
        assertThat(row.get("netAmount").decimalValue()).isEqualTo("123456789012.20");
    }

    @Test
    void storeDailyRowsCarryTheirLineCount() throws Exception {
        rollups.storeDaily(store, yesterday).orders(3).lines(8).insert();

        HttpResponse<String> response = get("/api/rollups/store-daily?store=" + encoded(store)
                + "&from=" + yesterday.minusDays(6) + "&to=" + yesterday);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(single(response).get("lines").asInt()).isEqualTo(8);
    }

    @Test
    void answersFromTheTablesWhileRedisIsDownAndCachesAgainOnceItIsBack() throws Exception {
        rollups.storeDaily(store, yesterday).orders(42).insert();
        String path = "/api/rollups/store-daily?store=" + encoded(store) + "&from=" + yesterday + "&to=" + yesterday;
        CachedStoreDay day = CachedStoreDay.of(context, STORE_DAILY, store, yesterday);

        HttpResponse<String> duringOutage = RedisOutage.during(redisClient, () -> get(path));

        assertThat(duringOutage.statusCode()).isEqualTo(200);
        assertThat(single(duringOutage).get("orders").asInt()).isEqualTo(42);
        assertThat(day.isInRedis()).isFalse();
        // Each attempt stands for a later read once this process's memory entry has expired.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            day.evictFromMemory();
            assertThat(single(get(path)).get("orders").asInt()).isEqualTo(42);
            assertThat(day.isInRedis()).isTrue();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void rejectsABadRequestWithAProblemDetailNamingTheParameter(String problem, String path, String parameter,
            String detail) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("parameter").asString()).isEqualTo(parameter);
        assertThat(body.get("detail").asString()).startsWith("'" + parameter + "'").contains(detail);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("unknown grain", "/api/rollups/store-weekly?store=x&from=2026-01-01&to=2026-01-02",
                        "grain", "store-weekly"),
                Arguments.of("missing store", "/api/rollups/store-daily?from=2026-01-01&to=2026-01-02",
                        "store", "required"),
                Arguments.of("malformed date", "/api/rollups/store-daily?store=x&from=2026-13-01&to=2026-12-31",
                        "from", "2026-13-01"),
                Arguments.of("from after to", "/api/rollups/store-daily?store=x&from=2026-02-01&to=2026-01-31",
                        "from", "after"),
                Arguments.of("range too long", "/api/rollups/store-daily?store=x&from=2024-12-31&to=2026-01-01",
                        "to", "367 days"));
    }

    private HttpResponse<String> get(String path) {
        return api().send(api().request(path).header("Accept", "application/json"));
    }

    private static JsonNode single(HttpResponse<String> response) {
        JsonNode rows = JSON.readTree(response.body());
        assertThat(rows.isArray()).as(response.body()).isTrue();
        assertThat(rows.size()).as(response.body()).isEqualTo(1);
        return rows.get(0);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
