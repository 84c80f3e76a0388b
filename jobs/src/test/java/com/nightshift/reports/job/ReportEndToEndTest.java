package com.nightshift.reports.job;

import static com.nightshift.reports.render.ReportFiles.pdfLine;
import static com.nightshift.reports.render.ReportFiles.pdfText;
import static com.nightshift.reports.render.ReportFiles.xlsxRow;
import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static com.nightshift.support.ReceivedMail.recipientOf;
import static com.nightshift.support.ReceivedMail.subjectOf;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.support.ReceivedMail;
import com.nightshift.support.RefusingSmtpServer;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** What managers find in their mailbox, checked against the rollup tables, with two runs sending at once. */
// one sender per run: two messages in flight at the same moment can then only be the two runs'
@TestPropertySource(properties = "nightshift.delivery.senders=1")
class ReportEndToEndTest extends ReportJobTestBase {

    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    /** Label of each figure in the store-daily report, by language, and its rollup column. */
    private static final Map<String, List<String>> FIGURES = Map.of(
            "orders", List.of("订单数", "Orders"),
            "lines", List.of("订单行数", "Order lines"),
            "quantity", List.of("数量", "Quantity"),
            "gross_amount", List.of("销售额（元）", "Gross (CNY)"),
            "refund_amount", List.of("退款（元）", "Refunds (CNY)"),
            "net_amount", List.of("净额（元）", "Net (CNY)"));

    @Test
    void theFiguresInADeliveredLettersPdfAndXlsxAreTheRollupTablesOfItsStore() throws Exception {
        // Beijing: two channels, a refund, thousands; Tianjin: a refund-only day; Shanghai: no orders that day
        aLine().store(BEIJING).on(DAY).channel("美团外卖").product("招牌牛肉面").quantity(3).amount("1234.56").insert(jdbc);
        aLine().store(BEIJING).on(DAY).channel("堂食").product("豆浆").quantity(2).amount("45.60").insert(jdbc);
        aLine().store(BEIJING).on(DAY).channel("堂食").product("豆浆").amount("12.30").refunded().insert(jdbc);
        aLine().store(BEIJING).on(DAY.minusDays(1)).quantity(4).amount("200.00").insert(jdbc);
        aLine().store(BEIJING).on(DAY.minusWeeks(1)).amount("99.99").insert(jdbc);
        aLine().store(TIANJIN).on(DAY).channel("饿了么").amount("25.50").refunded().insert(jdbc);
        aLine().store(TIANJIN).on(DAY.minusDays(1)).amount("30.00").insert(jdbc);
        aLine().store(SHANGHAI).on(DAY.minusDays(1)).quantity(5).amount("88.80").insert(jdbc);
        rollUp();

        runner.run("report", Map.of("report", "store-daily", "date", DAY.toString()));

        assertFiguresOf(BEIJING, receivedBy(ZHANG), ZH);
        assertFiguresOf(BEIJING, receivedBy(LI), ZH);
        assertFiguresOf(TIANJIN, receivedBy(LI), ZH);
        assertFiguresOf(SHANGHAI, receivedBy(WANG), Locale.ENGLISH);
        assertThat(daily(TIANJIN, DAY, "net_amount")).as("a refund-only day").isNegative();
        assertThat(pdfText(attachment(receivedBy(WANG), "store-daily_上海浦东店😀_2026-11-05.pdf")))
                .contains("No orders on this business day.");
    }

    @Test
    void twoRunsStartedTogetherOverTheSameLettersSendEachMessageOnce() throws Exception {
        ordersRolledUp();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (RefusingSmtpServer server = new RefusingSmtpServer().meetInFlight(2)) {
            mailGoesTo(server.port());
            CyclicBarrier start = new CyclicBarrier(2);

            CompletableFuture<JobExecution> all = CompletableFuture.supplyAsync(() -> run(start,
                    Map.of("report", "all", "date", DAY.toString(), "week", WEEK)), threads);
            CompletableFuture<JobExecution> daily = CompletableFuture.supplyAsync(() -> run(start,
                    Map.of("report", "store-daily", "date", DAY.toString())), threads);

            assertThat(all.get(3, TimeUnit.MINUTES).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(daily.get(3, TimeUnit.MINUTES).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(server.met()).as("the two runs were sending at the same moment").isTrue();
            List<MimeMessage> accepted = server.accepted().stream().map(ReportEndToEndTest::parse).toList();
            assertThat(accepted).extracting(message -> recipientOf(message) + " " + subjectOf(message))
                    .containsExactlyInAnyOrder(
                            ZHANG + " Nightshift 日报 2026年11月5日（1 份报表）",
                            LI + " Nightshift 日报 2026年11月5日（2 份报表）",
                            WANG + " Nightshift daily reports November 5, 2026 (1 report)",
                            LI + " Nightshift 周报 2026-W45（1 份报表）",
                            HQ + " Nightshift weekly reports 2026-W45 (1 report)");
            assertThat(accepted).extracting(ReportJobTestBase::messageId).doesNotHaveDuplicates();
            assertThat(ledger()).hasSize(5).allSatisfy(row -> assertThat(row).containsEntry("state", "DELIVERED"));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM report_archive WHERE version > 1", Long.class))
                    .as("each report archived once").isZero();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRunWhoseSenderDiesMidwayIsFollowedByOneThatDeliversTheRestAndDuplicatesNone() throws Exception {
        ordersRolledUp();
        Map<String, String> daily = Map.of("report", "store-daily", "date", DAY.toString());
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (RefusingSmtpServer server = new RefusingSmtpServer()) {
            mailGoesTo(server.port());
            server.holdAfter(1);
            CompletableFuture<JobExecution> crashing = CompletableFuture.supplyAsync(() -> run(null, daily), thread);
            await().atMost(Duration.ofMinutes(1)).until(() -> server.held() == 1);
            // the sender's session ends while its second letter is with the server, unanswered, as a killed
            // process's does; the server then gives up on the message
            jdbc.queryForList("SELECT pg_terminate_backend(claimer_pid) FROM delivery WHERE state = 'SENDING'");
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM delivery d "
                    + "WHERE state = 'SENDING' AND EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = d.claimer_pid)",
                    Long.class) == 0);
            server.release();
            crashing.get(1, TimeUnit.MINUTES);

            JobExecution rerun = runner.run("report", daily);

            assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            List<String> delivered = jdbc.queryForList("SELECT email FROM delivery WHERE state = 'DELIVERED'",
                    String.class);
            assertThat(delivered).hasSize(2);
            assertThat(jdbc.queryForList("SELECT email FROM delivery WHERE state <> 'DELIVERED'", String.class))
                    .as("the letter in the crash window is UNCERTAIN, for the operator, never sent again")
                    .hasSize(1).doesNotContainAnyElementsOf(delivered);
            assertThat(jdbc.queryForList("SELECT state FROM delivery WHERE state <> 'DELIVERED'", String.class))
                    .containsExactly("UNCERTAIN");
            assertThat(server.accepted().stream().map(ReportEndToEndTest::parse).map(ReceivedMail::recipientOf).toList())
                    .containsExactlyInAnyOrderElementsOf(delivered);
        } finally {
            thread.shutdownNow();
        }
    }

    private JobExecution run(CyclicBarrier start, Map<String, String> parameters) {
        try {
            if (start != null) {
                start.await(1, TimeUnit.MINUTES);
            }
            return runner.run("report", parameters);
        } catch (Exception e) {
            throw new IllegalStateException("the report run " + parameters + " did not run", e);
        }
    }

    private void assertFiguresOf(String store, MimeMessage letter, Locale language) {
        String name = "store-daily_" + store + "_" + DAY;
        String text = pdfText(attachment(letter, name + ".pdf"));
        byte[] xlsx = attachment(letter, name + ".xlsx");
        int labels = language.equals(ZH) ? 0 : 1;
        FIGURES.forEach((column, label) -> {
            boolean amount = column.endsWith("amount");
            List<String> words = pdfLine(text, label.get(labels));
            String figure = store + " " + label.get(labels);
            assertThat(words.get(0)).as(figure).isEqualTo(shown(daily(store, DAY, column), amount, language));
            assertThat(words.get(1)).as(figure + " the day before")
                    .isEqualTo(shown(daily(store, DAY.minusDays(1), column), amount, language));
            assertThat(words).as(figure + " a week before")
                    .contains(shown(daily(store, DAY.minusWeeks(1), column), amount, language));
            assertThat(xlsxRow(xlsx, label.get(labels)).subList(0, 2)).as(figure + " in the XLSX").containsExactly(
                    daily(store, DAY, column).doubleValue(), daily(store, DAY.minusDays(1), column).doubleValue());
        });
    }

    private BigDecimal daily(String store, LocalDate day, String column) {
        List<BigDecimal> values = jdbc.queryForList("SELECT " + column + "::numeric FROM rollup_store_daily"
                + " WHERE store_name = ? AND business_date = ?", BigDecimal.class, store, day);
        return values.isEmpty() ? BigDecimal.ZERO : values.get(0);
    }

    private static String shown(BigDecimal value, boolean amount, Locale language) {
        return new DecimalFormat(amount ? "#,##0.00" : "#,##0", DecimalFormatSymbols.getInstance(language))
                .format(value);
    }

    private static MimeMessage parse(String raw) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
