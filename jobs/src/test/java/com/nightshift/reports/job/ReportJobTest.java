package com.nightshift.reports.job;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

import com.nightshift.delivery.Attachment;
import com.nightshift.delivery.Letter;
import com.nightshift.reports.archive.ArchiveFiles;

/** The report job end to end on the real database, with TEST-ONLY stand-ins for rendering and mail. */
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
    }

    @Test
    void storeDaysNeverRolledUpAreRolledUpForTheirDates() throws Exception {
        aLine().store(BEIJING).on(DAY).amount("50.00").insert(jdbc);

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
        assertThat(renderer.rendered).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_archive", Long.class)).isZero();
        assertThat(deliveries.rows).isEmpty();
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
        assertThat(Files.exists(files.resolve(firstPdf))).as("the version mailed before stays").isTrue();
    }

    @Test
    void eachRecipientGetsOneLetterPerPeriodWithOnlyTheirReportsInTheirLanguage() throws Exception {
        ordersRolledUp();

        JobExecution execution = runner.run("report", Map.of("date", DAY.toString(), "week", WEEK));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitDescription()).contains("5 delivered, 0 failed");
        assertThat(deliveries.delivered()).extracting(letter -> letter.email() + " " + letter.deliveryKey() + " "
                + attachmentNames(letter)).containsExactlyInAnyOrder(
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
    }

    @Test
    void aLetterIsWrittenInItsRecipientsLanguageAndCarriesItsFilesInThatLanguage() throws Exception {
        ordersRolledUp();

        runner.run("report", Map.of("report", "store-daily", "date", DAY.toString()));

        Letter chinese = letterTo(ZHANG.email());
        assertThat(chinese.subject()).isEqualTo("Nightshift 日报 2026年11月5日（1 份报表）");
        assertThat(chinese.body()).contains("张三，您好", "门店日报（北京朝阳店）：订单 1，净额 ¥100.00", "数据截至");
        Letter english = letterTo(WANG.email());
        assertThat(english.subject()).isEqualTo("Nightshift daily reports November 5, 2026 (1 report)");
        assertThat(english.body()).contains("Dear Wang Wu", "Store daily (上海浦东店😀): 1 order, net ¥100.00");
        assertThat(new String(Files.readAllBytes(english.attachments().get(0).file()))).contains("|en|");
        assertThat(english.attachments()).extracting(Attachment::contentType).containsExactly("application/pdf",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
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
        assertThat(deliveries.rows).as("one original and one correction per recipient, nothing more").hasSize(4);
        List<Letter> toZhang = deliveries.delivered().stream().filter(letter -> letter.email().equals(ZHANG.email()))
                .toList();
        assertThat(toZhang).extracting(Letter::revision).containsExactly(0, 1);
        Letter correction = toZhang.get(1);
        assertThat(correction.subject()).startsWith("【更正】Nightshift 日报");
        assertThat(correction.body()).contains("门店日报（北京朝阳店）净额：¥100.00 → ¥1,334.50",
                "门店日报（北京朝阳店）订单数：1 → 2");
    }

    @Test
    void aRestartAfterAFailureRendersOnlyWhatIsMissing() throws Exception {
        ordersRolledUp();
        Map<String, String> north = Map.of("report", "store-daily", "date", DAY.toString(), "region", NORTH);
        renderer.failingSubjects.add(TIANJIN);
        JobExecution failed = runner.run("report", north);
        renderer.failingSubjects.clear();

        JobExecution resumed = runner.run("report", north);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(renderer.renderedFor(BEIJING)).isOne();
        assertThat(renderer.renderedFor(TIANJIN)).isOne();
        assertThat(deliveries.delivered()).extracting(Letter::email).containsExactlyInAnyOrder(ZHANG.email(),
                LI.email());
    }

    @Test
    void aRejectedLetterIsCountedAsFailedWhileTheOthersAreDelivered() throws Exception {
        ordersRolledUp();
        deliveries.rejected.add(ZHANG.email());

        JobExecution execution = runner.run("report", BEIJING_DAY);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitDescription()).contains("1 delivered, 1 failed");
    }

    @Test
    void aRunWhoseEveryLetterIsRejectedFails() throws Exception {
        ordersRolledUp();
        deliveries.rejected.addAll(List.of(ZHANG.email(), LI.email()));

        JobExecution execution = runner.run("report", BEIJING_DAY);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getExitStatus().getExitDescription()).contains("2 letters failed", "none was delivered");
    }

    private Letter letterTo(String email) {
        return deliveries.delivered().stream().filter(letter -> letter.email().equals(email)).findFirst()
                .orElseThrow();
    }

    private void refuseRollupRowsOf(String store) {
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION test_refuse_store() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.store_name = '%s' THEN RAISE EXCEPTION 'test: the rollup cannot write this store'; END IF;
                    RETURN NEW;
                END $$""".formatted(store));
        jdbc.execute("CREATE TRIGGER test_refuse_store BEFORE INSERT ON rollup_store_daily FOR EACH ROW "
                + "EXECUTE FUNCTION test_refuse_store()");
    }

    private static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    static List<String> attachmentNames(Letter letter) {
        return letter.attachments().stream().map(Attachment::fileName).toList();
    }
}
