package com.nightshift.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;

class OrderGeneratorTest extends IntegrationTest {

    private static final LocalDate LAST_DATE = LocalDate.of(2026, 11, 24);
    /** Every column a generated line is made of, in a stable order, to compare runs. */
    private static final String CONTENT = "SELECT md5(string_agg(concat_ws('|', order_no, store_name, order_date, "
            + "ordered_at, product_name, channel, quantity, amount, status), ',' ORDER BY order_no, id)) FROM orders "
            + "WHERE id > ? AND id <= ?";

    @Autowired
    OrderGenerator generator;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void emptyOrders() {
        jdbc.execute("TRUNCATE orders RESTART IDENTITY");
    }

    @Test
    void theSameSeedGivesTheSameLines() {
        GenerateRequest request = new GenerateRequest(5_000, 30, 12, 42, LAST_DATE);
        long start = maxId();
        generator.generate(request);
        long middle = maxId();
        generator.generate(request);
        long end = maxId();

        assertThat(middle - start).isEqualTo(5_000);
        assertThat(end - middle).isEqualTo(5_000);
        assertThat(content(start, middle)).isEqualTo(content(middle, end));
    }

    @Test
    void anotherSeedGivesOtherLines() {
        long start = maxId();
        generator.generate(new GenerateRequest(2_000, 30, 12, 1, LAST_DATE));
        long middle = maxId();
        generator.generate(new GenerateRequest(2_000, 30, 12, 2, LAST_DATE));

        assertThat(content(start, middle)).isNotEqualTo(content(middle, maxId()));
    }

    @Test
    void theSummaryMatchesWhatTheTableHolds() {
        GenerateSummary summary = generator.generate(new GenerateRequest(20_000, 45, 25, 7, LAST_DATE));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM orders", Long.class)).isEqualTo(summary.lines());
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT order_no) FROM orders", Long.class))
                .isEqualTo(summary.orders());
        assertThat(jdbc.queryForObject("SELECT sum(amount) FROM orders", BigDecimal.class))
                .isEqualByComparingTo(summary.amount());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orders WHERE status = 'refunded'", Long.class))
                .isEqualTo(summary.refundedLines());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orders WHERE status = 'cancelled'", Long.class))
                .isEqualTo(summary.cancelledLines());
    }

    @Test
    void spreadsLinesOverTheRequestedStoresDaysAndChannels() {
        generator.generate(new GenerateRequest(20_000, 45, 25, 7, LAST_DATE));

        assertThat(jdbc.queryForObject("SELECT count(DISTINCT store_name) FROM orders", Long.class)).isEqualTo(25L);
        assertThat(jdbc.queryForObject("SELECT min(order_date) FROM orders", LocalDate.class))
                .isEqualTo(LAST_DATE.minusDays(44));
        assertThat(jdbc.queryForObject("SELECT max(order_date) FROM orders", LocalDate.class)).isEqualTo(LAST_DATE);
        assertThat(jdbc.queryForList("SELECT DISTINCT channel FROM orders ORDER BY 1", String.class))
                .containsExactlyInAnyOrder("堂食", "美团外卖", "饿了么", "小程序", "团购");
        assertThat(jdbc.queryForList("SELECT DISTINCT store_name FROM orders", String.class)).contains("北京朝阳店");
    }

    @Test
    void refundsAndCancellationsAreAFewPercent() {
        GenerateSummary summary = generator.generate(new GenerateRequest(50_000, 30, 20, 3, LAST_DATE));

        assertThat(summary.refundedLines() / (double) summary.lines()).isBetween(0.02, 0.04);
        assertThat(summary.cancelledLines() / (double) summary.lines()).isBetween(0.005, 0.02);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orders WHERE status = 'refunded' AND amount >= 0",
                Long.class)).isZero();
    }

    @Test
    void aFailedRunAddsNothingAndReturnsItsConnection() {
        generator.generate(new GenerateRequest(1_000, 10, 5, 9, LAST_DATE));
        jdbc.execute("ALTER TABLE orders ADD CONSTRAINT test_no_beijing CHECK (store_name <> '北京朝阳店') NOT VALID");
        try {
            assertThatThrownBy(() -> generator.generate(new GenerateRequest(10_000, 10, 5, 9, LAST_DATE)))
                    .isInstanceOf(GenerateFailedException.class)
                    .hasMessageContaining("test_no_beijing");

            assertThat(jdbc.queryForObject("SELECT count(*) FROM orders", Long.class)).isEqualTo(1_000L);
            assertThat(((HikariDataSource) dataSource).getHikariPoolMXBean().getActiveConnections()).isZero();
        } finally {
            jdbc.execute("ALTER TABLE orders DROP CONSTRAINT test_no_beijing");
        }
    }

    private long maxId() {
        return jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM orders", Long.class);
    }

    private String content(long afterId, long upToId) {
        List<String> rows = jdbc.queryForList(CONTENT, String.class, afterId, upToId);
        return rows.get(0);
    }
}
