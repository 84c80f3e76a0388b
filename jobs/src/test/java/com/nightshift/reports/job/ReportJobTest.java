package com.nightshift.reports.job;

import static com.nightshift.reports.render.ReportFiles.pdfText;
import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;
import static com.nightshift.support.ReceivedMail.recipientOf;
import static com.nightshift.support.ReceivedMail.subjectOf;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

import com.nightshift.reports.archive.ArchiveFiles;
import com.nightshift.support.ReceivedMail;
import com.nightshift.support.RefusingSmtpServer;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** The report job end to end: real rollups, templates, archive, recipients file, ledger and SMTP server. */
class ReportJobTest extends ReportJobTestBase {

    private static final Map<String, String> BEIJING_DAY = Map.of("report", "store-daily", "date", DAY.toString(),
            "store", BEIJING);

    @Autowired
    ArchiveFiles files;

    @Test
    void aChangeNotRolledUpYetIsRolledUpByTheJobBeforeItsDayIsRendered() throws Exception {
        ordersRolledUp();
        aLine().store(BEIJING).on(DAY).amount("23.45").insert(jdbc);

        JobExecution execution = runner.run("report", BEIJING_DAY);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExecutionContext().getInt(CompletenessTasklet.ROLLUPS_WAITED_FOR)).isOne();
        assertThat(jdbc.queryForObject("SELECT net_amount FROM report_archive WHERE subject = ?", BigDecimal.class,
                BEIJING)).isEqualByComparingTo("123.45");
        assertThat(body(receivedBy(ZHANG))).contains("净额 ¥123.45");
    }

    @Test
    void storeDaysNeverRolledUpAreRolledUpForTheirDates() throws Exception {
        aLine().store(BEIJING).on(DAY).amount("50.00").insert(jdbc);
        aLine().store(TIANJIN).on(DAY).amount("60.00").insert(jdbc);
        aLine().store(SHANGHAI).on(DAY).amount("70.00").insert(jdbc);

        JobExecution execution = runner.run("report", Map.of("report", "store-daily", "date", DAY.toString()));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT net_amount FROM report_archive WHERE subject = ?", BigDecimal.class,
                BEIJING)).isEqualByComparingTo("50.00");
    }

    @Test
    void figuresTheRollupCannotCatchUpWithFailTheRunNamingTheStoreDaysAndNothingIsRenderedOrSent()
            throws Exception {
        ordersRolledUp();
        aLine().store(BEIJING).on(DAY).amount("1.00").insert(jdbc);
        aLine().store(BEIJING).on(DAY.minusDays(1)).amount("1.00").insert(jdbc);
        refuseRollupRowsOf(BEIJING);

        JobExecution execution = runner.run("report", Map.of("date", DAY.toString()));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getExitStatus().getExitDescription())
                .contains("2 store-days are not completely rolled up", BEIJING + " 2026-11-04",
                        BEIJING + " 2026-11-05", "no report is rendered or sent");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_archive", Long.class)).isZero();
        assertThat(ledger()).isEmpty();
        assertThat(received()).isEmpty();
    }

    @Test
    void aRerunWithUnchangedFiguresKeepsTheArchivedVersionAndChangedFiguresMakeTheNext() throws Exception {
        ordersRolledUp();
        runner.run("report", BEIJING_DAY);
        String firstPdf = jdbc.queryForObject("SELECT pdf_path FROM report_archive", String.class);

        JobExecution unchanged = runner.run("report", BEIJING_DAY);
        aLine().store(BEIJING).on(DAY).amount("7.00").insert(jdbc);
        JobExecution changed = runner.run("report", BEIJING_DAY);

        assertThat(unchanged.getExitStatus().getExitDescription()).contains("(0 new versions, 1 unchanged)");
        assertThat(changed.getExitStatus().getExitDescription()).contains("(1 new versions, 0 unchanged)");
        List<Map<String, Object>> versions = jdbc.queryForList(
                "SELECT language, version, net_amount, pdf_path, pdf_sha256, pdf_size FROM report_archive "
                        + "WHERE language = 'zh-CN' ORDER BY version");
        assertThat(versions).extracting(row -> row.get("version") + " " + row.get("net_amount"))
                .containsExactly("1 100.00", "2 107.00");
        assertThat(versions.get(0).get("pdf_path")).isEqualTo(firstPdf);
        byte[] second = Files.readAllBytes(files.resolve((String) versions.get(1).get("pdf_path")));
        assertThat(sha256(second)).isEqualTo(versions.get(1).get("pdf_sha256"));
        assertThat((long) second.length).isEqualTo(versions.get(1).get("pdf_size"));
        assertThat(pdfText(second)).contains("107.00");
        assertThat(Files.exists(files.resolve(firstPdf))).as("the version mailed before stays").isTrue();
    }

    @Test
    void eachRecipientGetsOneLetterPerPeriodWithOnlyTheirReportsInTheirLanguage() throws Exception {
        ordersRolledUp();

        JobExecution execution = runner.run("report", Map.of("date", DAY.toString(), "week", WEEK));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitDescription()).contains("5 delivered, 0 failed");
        assertThat(received()).extracting(message -> recipientOf(message) + " " + keyOf(message) + " "
                + attachmentNames(message)).containsExactlyInAnyOrder(
                "zhang.san@example.com report:daily:2026-11-05 [store-daily_北京朝阳店_2026-11-05.pdf, "
                        + "store-daily_北京朝阳店_2026-11-05.xlsx]",
                "li.si@example.com report:daily:2026-11-05 [store-daily_北京朝阳店_2026-11-05.pdf, "
                        + "store-daily_北京朝阳店_2026-11-05.xlsx, store-daily_天津滨江道店_2026-11-05.pdf, "
                        + "store-daily_天津滨江道店_2026-11-05.xlsx]",
                "li.si@example.com report:weekly:2026-W45 [region-weekly_华北_2026-W45.pdf, "
                        + "region-weekly_华北_2026-W45.xlsx]",
                "wang.wu@example.com report:daily:2026-11-05 [store-daily_上海浦东店😀_2026-11-05.pdf, "
                        + "store-daily_上海浦东店😀_2026-11-05.xlsx]",
                "hq@example.com report:weekly:2026-W45 [chain-weekly_chain_2026-W45.pdf, "
                        + "chain-weekly_chain_2026-W45.xlsx]");
        assertThat(ledger()).extracting(row -> row.get("state")).containsOnly("DELIVERED").hasSize(5);
    }

    @Test
    void nobodyReceivesAnotherStoresFigures() throws Exception {
        ordersRolledUp();

        runner.run("report", Map.of("report", "store-daily", "date", DAY.toString()));

        MimeMessage toZhang = receivedBy(ZHANG);
        String zhangsReport = pdfText(attachment(toZhang, "store-daily_北京朝阳店_2026-11-05.pdf"));
        assertThat(zhangsReport).contains(BEIJING).doesNotContain(TIANJIN, SHANGHAI);
        assertThat(body(toZhang)).doesNotContain(TIANJIN, SHANGHAI);
        assertThat(pdfText(attachment(receivedBy(WANG), "store-daily_上海浦东店😀_2026-11-05.pdf")))
                .contains(SHANGHAI).doesNotContain(BEIJING, TIANJIN);
        assertThat(received()).extracting(ReceivedMail::recipientOf).doesNotContain(HQ);
    }

    @Test
    void aLetterIsWrittenInItsRecipientsLanguageAndCarriesItsFilesInThatLanguage() throws Exception {
        ordersRolledUp();

        runner.run("report", Map.of("report", "store-daily", "date", DAY.toString()));

        MimeMessage chinese = receivedBy(ZHANG);
        assertThat(subjectOf(chinese)).isEqualTo("Nightshift 日报 2026年11月5日（1 份报表）");
        assertThat(body(chinese)).contains("张三，您好", "门店日报（北京朝阳店）：订单 1，净额 ¥100.00", "数据截至");
        assertThat(pdfText(attachment(chinese, "store-daily_北京朝阳店_2026-11-05.pdf"))).contains("门店日报");
        MimeMessage english = receivedBy(WANG);
        assertThat(subjectOf(english)).isEqualTo("Nightshift daily reports November 5, 2026 (1 report)");
        assertThat(body(english)).contains("Dear Wang Wu", "Store daily (上海浦东店😀): 1 order, net ¥100.00");
        assertThat(pdfText(attachment(english, "store-daily_上海浦东店😀_2026-11-05.pdf")))
                .contains("Store daily report").doesNotContain("门店日报");
        assertThat(attachments(english)).extracting(ReportJobTest::contentType).satisfiesExactly(
                type -> assertThat(type).startsWith("application/pdf"),
                type -> assertThat(type).startsWith(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @Test
    void aLateChangeIsSentOnceAsACorrectionNamingTheChangedFigures() throws Exception {
        ordersRolledUp();
        runner.run("report", BEIJING_DAY);
        aLine().store(BEIJING).on(DAY).amount("1234.50").insert(jdbc);

        JobExecution corrected = runner.run("report", BEIJING_DAY);
        JobExecution again = runner.run("report", BEIJING_DAY);

        assertThat(corrected.getExitStatus().getExitDescription()).contains("2 delivered", "2 corrections planned");
        assertThat(again.getExitStatus().getExitDescription()).contains("0 delivered");
        assertThat(ledger()).as("one original and one correction per recipient, nothing more").hasSize(4)
                .extracting(row -> row.get("email") + " " + row.get("revision") + " " + row.get("state"))
                .containsExactlyInAnyOrder(ZHANG + " 0 DELIVERED", LI + " 0 DELIVERED", ZHANG + " 1 DELIVERED",
                        LI + " 1 DELIVERED");
        assertThat(received()).hasSize(4);
        List<MimeMessage> toZhang = received().stream().filter(message -> recipientOf(message).equals(ZHANG)).toList();
        assertThat(toZhang).hasSize(2);
        MimeMessage correction = toZhang.get(1);
        assertThat(subjectOf(correction)).startsWith("【更正】Nightshift 日报");
        assertThat(body(correction)).contains("门店日报（北京朝阳店）净额：¥100.00 → ¥1,334.50",
                "门店日报（北京朝阳店）订单数：1 → 2");
        assertThat(pdfText(attachment(correction, "store-daily_北京朝阳店_2026-11-05.pdf"))).contains("1,334.50");
    }

    @Test
    void aRunNarrowedToOneStoreCorrectsOnlyWhenThatStoresFiguresChangedAndKeepsTheLetterWhole() throws Exception {
        ordersRolledUp();
        Map<String, String> wholeDay = Map.of("report", "store-daily", "date", DAY.toString());
        runner.run("report", wholeDay);

        JobExecution unchanged = runner.run("report", BEIJING_DAY);
        aLine().store(TIANJIN).on(DAY).amount("50.00").insert(jdbc);
        JobExecution tianjinChanged = runner.run("report", Map.of("report", "store-daily", "date", DAY.toString(),
                "store", TIANJIN));
        JobExecution wholeDayAgain = runner.run("report", wholeDay);

        assertThat(unchanged.getExitStatus().getExitDescription()).contains("0 delivered");
        assertThat(wholeDayAgain.getExitStatus().getExitDescription()).contains("0 delivered");
        List<MimeMessage> toLi = received().stream().filter(message -> recipientOf(message).equals(LI)).toList();
        assertThat(toLi).as("the whole day, then one correction for 天津").hasSize(2);
        MimeMessage correction = toLi.get(1);
        assertThat(body(correction)).contains("门店日报（天津滨江道店）净额：¥100.00 → ¥150.00")
                .doesNotContain("门店日报（北京朝阳店）净额");
        assertThat(attachmentNames(correction)).as("the region's letter stays whole")
                .anyMatch(name -> name.contains(BEIJING)).anyMatch(name -> name.contains(TIANJIN));
        assertThat(received().stream().filter(message -> recipientOf(message).equals(ZHANG)))
                .as("北京's own manager: nothing of his changed").hasSize(1);
    }

    @Test
    void aRestartAfterAFailureRendersOnlyWhatIsMissing() throws Exception {
        ordersRolledUp();
        Map<String, String> stores = Map.of("report", "store-daily", "date", DAY.toString());
        // three reports, rendered two at a time (nightshift.reports.threads) in store order, Tianjin's last: its
        // batch fails after the first one has committed
        refuseArchiveRowsOf(TIANJIN);
        JobExecution failed = runner.run("report", stores);
        jdbc.execute("DROP TRIGGER test_refuse_archive ON report_archive");

        JobExecution resumed = runner.run("report", stores);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(received()).as("nothing was sent by the failed run")
                .allSatisfy(message -> assertThat(messageId(message)).isIn(messageIdsOf(resumed)));
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(renderStep(failed).getReadCount()).as("rendered by the failed run").isEqualTo(2);
        assertThat(renderStep(resumed).getReadCount()).as("rendered by the resumed run").isOne();
        assertThat(resumed.getExitStatus().getExitDescription())
                .contains("3 reports rendered (3 new versions, 0 unchanged)");
        assertThat(jdbc.queryForList("SELECT subject || ' ' || rendering_execution_id FROM report_archive",
                String.class)).containsExactlyInAnyOrder(SHANGHAI + " " + failed.getId(),
                BEIJING + " " + failed.getId(), TIANJIN + " " + resumed.getId());
        assertThat(received()).extracting(ReceivedMail::recipientOf).containsExactlyInAnyOrder(ZHANG, LI, WANG);
    }

    @Test
    void aRejectedLetterIsRecordedAsFailedWithTheServersAnswerWhileTheOthersAreDelivered() throws Exception {
        ordersRolledUp();
        try (RefusingSmtpServer server = new RefusingSmtpServer(ZHANG)) {
            mailGoesTo(server.port());

            JobExecution execution = runner.run("report", BEIJING_DAY);

            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(execution.getExitStatus().getExitDescription()).contains("1 delivered, 1 failed");
            assertThat(ledger()).extracting(row -> row.get("email") + " " + row.get("state"))
                    .containsExactlyInAnyOrder(ZHANG + " FAILED", LI + " DELIVERED");
            assertThat((String) jdbc.queryForObject("SELECT last_reply FROM delivery WHERE email = ?", String.class,
                    ZHANG)).contains("550", "Recipient address rejected");
            assertThat(server.accepted()).hasSize(1).allSatisfy(raw -> assertThat(raw).contains("<" + LI + ">"));
        }
    }

    @Test
    void aLetterThatFailedIsSentAgainWithTheFiguresOnceTheyChangeAndNotBefore() throws Exception {
        ordersRolledUp();
        try (RefusingSmtpServer server = new RefusingSmtpServer(ZHANG)) {
            mailGoesTo(server.port());
            runner.run("report", BEIJING_DAY);
        }
        mailGoesTo(MAIL.getSmtp().getPort());

        JobExecution unchanged = runner.run("report", BEIJING_DAY);
        aLine().store(BEIJING).on(DAY).amount("1234.50").insert(jdbc);
        JobExecution changed = runner.run("report", BEIJING_DAY);

        assertThat(unchanged.getExitStatus().getExitDescription()).as("a failed letter is resent only on purpose")
                .contains("0 delivered");
        assertThat(ledger()).extracting(row -> row.get("email") + " " + row.get("revision") + " " + row.get("state"))
                .containsExactlyInAnyOrder(ZHANG + " 0 FAILED", LI + " 0 DELIVERED", ZHANG + " 1 DELIVERED",
                        LI + " 1 DELIVERED");
        MimeMessage toZhang = receivedBy(ZHANG);
        assertThat(subjectOf(toZhang)).as("张三 never had the first letter: not a correction of it")
                .doesNotContain("更正");
        assertThat(pdfText(attachment(toZhang, "store-daily_北京朝阳店_2026-11-05.pdf"))).contains("1,334.50");
    }

    @Test
    void aRunWhoseEveryLetterIsRejectedFails() throws Exception {
        ordersRolledUp();
        try (RefusingSmtpServer server = new RefusingSmtpServer(ZHANG, LI)) {
            mailGoesTo(server.port());

            JobExecution execution = runner.run("report", BEIJING_DAY);

            assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(execution.getExitStatus().getExitDescription()).contains("2 letters failed",
                    "none was delivered");
            assertThat(server.accepted()).isEmpty();
        }
    }

    private List<String> messageIdsOf(JobExecution execution) {
        return jdbc.queryForList("SELECT message_id FROM delivery WHERE job_execution_id = ?", String.class,
                execution.getId());
    }

    private String keyOf(MimeMessage message) {
        return jdbc.queryForObject("SELECT delivery_key FROM delivery WHERE message_id = ?", String.class,
                messageId(message));
    }

    private static StepExecution renderStep(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(step -> step.getStepName().equals(ReportJobConfiguration.RENDER_STEP))
                .findFirst().orElseThrow(() -> new AssertionError("no render step in " + execution.getStepExecutions()));
    }

    private static String contentType(BodyPart part) {
        try {
            return part.getContentType();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void refuseRollupRowsOf(String store) {
        refuseInserts("rollup_store_daily", "store_name", store, "test_refuse_store");
    }

    /** The archive cannot take this subject's reports: its rendering fails after the files are written. */
    private void refuseArchiveRowsOf(String subject) {
        refuseInserts("report_archive", "subject", subject, "test_refuse_archive");
    }

    private void refuseInserts(String table, String column, String value, String trigger) {
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION %s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.%s = '%s' THEN RAISE EXCEPTION 'test: %s cannot take %s'; END IF;
                    RETURN NEW;
                END $$""".formatted(trigger, column, value, table, value));
        jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON " + table + " FOR EACH ROW "
                + "EXECUTE FUNCTION " + trigger + "()");
    }

    private static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }
}
