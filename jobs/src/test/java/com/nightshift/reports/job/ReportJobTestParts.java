package com.nightshift.reports.job;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.delivery.Deliveries;
import com.nightshift.delivery.DeliveryCounts;
import com.nightshift.delivery.DeliveryRecord;
import com.nightshift.delivery.DeliveryState;
import com.nightshift.delivery.Letter;
import com.nightshift.recipients.RecipientDirectory;
import com.nightshift.recipients.RecipientRegistry;
import com.nightshift.recipients.RecipientsFileException;
import com.nightshift.reports.Headline;
import com.nightshift.reports.ReportCatalog;
import com.nightshift.reports.ReportDefinition;
import com.nightshift.reports.ReportScope;
import com.nightshift.reports.render.RenderRequest;
import com.nightshift.reports.render.RenderedReport;
import com.nightshift.reports.render.ReportRenderer;

/**
 * TEST-ONLY stand-ins for the parts other branches build (catalog, renderer, recipient registry, delivery
 * ledger), so that the report job can be tested before they are merged: each subclasses the stub and is
 * {@code @Primary}. The renderer reads real figures from the rollup tables (so the archive and corrections see
 * real changes) but writes placeholder files; the ledger keeps its rows in memory and "sends" by recording.
 * Once the real parts are merged, the end-to-end tests drop this configuration.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReportJobTestParts {

    @Bean
    @Primary
    TestCatalog testReportCatalog() {
        return new TestCatalog();
    }

    @Bean
    @Primary
    TestRenderer testReportRenderer(JdbcTemplate jdbc) {
        return new TestRenderer(jdbc);
    }

    @Bean
    @Primary
    TestRegistry testRecipientRegistry() {
        return new TestRegistry();
    }

    @Bean
    @Primary
    InMemoryDeliveries testDeliveries() {
        return new InMemoryDeliveries();
    }

    public static class TestCatalog extends ReportCatalog {

        private static final List<ReportDefinition> ALL = List.of(
                new ReportDefinition("store-daily", "store-daily.jrxml", ReportScope.STORE_DAY),
                new ReportDefinition("region-weekly", "region-weekly.jrxml", ReportScope.REGION_WEEK),
                new ReportDefinition("chain-weekly", "chain-weekly.jrxml", ReportScope.CHAIN_WEEK));

        @Override
        public List<ReportDefinition> all() {
            return ALL;
        }

        @Override
        public Optional<ReportDefinition> named(String name) {
            return ALL.stream().filter(report -> report.name().equals(name)).findFirst();
        }
    }

    /** Totals of the subject's period from {@code rollup_store_daily}; the files only name them. */
    public static class TestRenderer extends ReportRenderer {

        final List<RenderRequest> rendered = new CopyOnWriteArrayList<>();
        final Set<String> failingSubjects = ConcurrentHashMap.newKeySet();
        private final JdbcTemplate jdbc;

        TestRenderer(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public RenderedReport render(RenderRequest request) {
            if (failingSubjects.contains(request.subject().name())) {
                throw new IllegalStateException("test renderer told to fail for " + request.subject().name());
            }
            String[] stores = switch (request.subject().scope()) {
                case STORE_DAY -> new String[] {request.subject().name()};
                case REGION_WEEK -> request.regionStores().toArray(String[]::new);
                case CHAIN_WEEK -> null;
            };
            Headline headline = jdbc.queryForObject("""
                    SELECT coalesce(sum(orders), 0), coalesce(sum(lines), 0), coalesce(sum(quantity), 0),
                           coalesce(sum(gross_amount), 0), coalesce(sum(refund_amount), 0), coalesce(sum(net_amount), 0)
                    FROM rollup_store_daily
                    WHERE business_date BETWEEN ? AND ? AND (?::text[] IS NULL OR store_name = ANY(?::text[]))""",
                    (rs, row) -> new Headline(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6)),
                    request.period().from(), request.period().to(), stores, stores);
            rendered.add(request);
            String figures = request.definition().name() + "|" + request.subject().name() + "|"
                    + request.period().key() + "|" + headline;
            String text = figures + "|" + request.language().toLanguageTag() + "|execution " + request.jobExecutionId();
            return new RenderedReport(request, ("%PDF-test " + text).getBytes(StandardCharsets.UTF_8),
                    ("PK-test " + text).getBytes(StandardCharsets.UTF_8),
                    sha256(figures), headline);
        }

        private static String sha256(String text) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        long renderedFor(String subject) {
            return rendered.stream().filter(request -> request.subject().name().equals(subject)).count();
        }
    }

    public static class TestRegistry extends RecipientRegistry {

        public final AtomicReference<RecipientDirectory> directory = new AtomicReference<>();
        public final AtomicReference<List<String>> problems = new AtomicReference<>(List.of());

        @Override
        public RecipientDirectory load() {
            if (!problems.get().isEmpty()) {
                throw new RecipientsFileException(problems.get());
            }
            return directory.get();
        }
    }

    /** A ledger in memory: plan keeps the first letter per key, revision and address; send "delivers" them. */
    public static class InMemoryDeliveries extends Deliveries {

        final List<Row> rows = new CopyOnWriteArrayList<>();
        final Set<String> rejected = ConcurrentHashMap.newKeySet();
        private final AtomicInteger ids = new AtomicInteger();

        @Override
        public synchronized void plan(List<Letter> letters) {
            for (Letter letter : letters) {
                boolean known = rows.stream().anyMatch(row -> row.letter.deliveryKey().equals(letter.deliveryKey())
                        && row.letter.revision() == letter.revision() && row.letter.email().equals(letter.email()));
                if (!known) {
                    rows.add(new Row(ids.incrementAndGet(), letter));
                }
            }
        }

        @Override
        public synchronized DeliveryCounts send(Collection<String> deliveryKeys, long jobExecutionId) {
            int delivered = 0;
            int failed = 0;
            int already = 0;
            for (Row row : rows) {
                if (!deliveryKeys.contains(row.letter.deliveryKey())) {
                    continue;
                }
                switch (row.state) {
                    case PENDING, RETRYING -> {
                        if (rejected.contains(row.letter.email())) {
                            row.state = DeliveryState.FAILED;
                            failed++;
                        } else {
                            row.state = DeliveryState.DELIVERED;
                            delivered++;
                        }
                    }
                    case DELIVERED -> already++;
                    default -> {
                    }
                }
            }
            return new DeliveryCounts(delivered, failed, already, 0, 0);
        }

        @Override
        public synchronized Optional<DeliveryRecord> latest(String deliveryKey, String email) {
            return rows.stream().filter(row -> row.letter.deliveryKey().equals(deliveryKey)
                            && row.letter.email().equals(email))
                    .max((a, b) -> Integer.compare(a.letter.revision(), b.letter.revision()))
                    .map(Row::record);
        }

        List<Letter> delivered() {
            return rows.stream().filter(row -> row.state == DeliveryState.DELIVERED).map(row -> row.letter).toList();
        }

        void clear() {
            rows.clear();
            rejected.clear();
        }

        static final class Row {

            final long id;
            final Letter letter;
            volatile DeliveryState state = DeliveryState.PENDING;

            Row(long id, Letter letter) {
                this.id = id;
                this.letter = letter;
            }

            DeliveryRecord record() {
                return new DeliveryRecord(id, letter.deliveryKey(), letter.revision(), letter.recipientId(),
                        letter.email(), letter.subject(), state, 1, "250 OK", "<" + id + "@test>",
                        letter.contentDigest(), false, null);
            }
        }
    }
}
