package com.nightshift.reports.job;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mail.autoconfigure.MailProperties;

import com.nightshift.reports.archive.ArchiveFiles;
import com.nightshift.support.RefusingSmtpServer;

/** The report job end to end: real rollup, templates, recipients file, ledger and SMTP server. */
class ReportJobTest extends ReportJobTestBase {

    private static final Map<String, String> BEIJING_DAY = Map.of("report", "store-daily", "date", DAY.toString(),
            "store", BEIJING);

    @Autowired
    ArchiveFiles files;
    @Autowired
    MailProperties mail;

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
        for (String store : List.of(BEIJING, TIANJIN, SHANGHAI)) {
            aLine().store(store).on(DAY).amount("50.00").insert(jdbc);
        }

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
        assertThat(jdbc.queryForObject("SELECT count(*) FROM delivery", Long.class)).isZero();
        assertThat(mails()).isEmpty();
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
                "SELECT version, net_amount, pdf_path, pdf_sha256, pdf_size FROM report_archive ORDER BY version");
        assertThat(versions).extracting(row -> row.get("version") + " " + row.get("net_amount"))
                .containsExactly("1 100.00", "2 107.00");
        assertThat(versions.get(0).get("pdf_path")).isEqualTo(firstPdf);
        byte[] second = Files.readAllBytes(files.resolve((String) versions.get(1).get("pdf_path")));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(second)))
                .isEqualTo(versions.get(1).get("pdf_sha256"));
        assertThat((long) second.length).isEqualTo(versions.get(1).get("pdf_size"));
        assertThat(Files.exists(files.resolve(firstPdf))).as("the version mailed before stays").isTrue();
    }

    @Test
    void eachRecipientGetsOneLetterPerPeriodWithOnlyTheirReports() throws Exception {
        ordersRolledUp();

        JobExecution execution = runner.run("report", Map.of("date", DAY.toString(), "week", WEEK));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitDescription()).contains("5 delivered, 0 failed");
        assertThat(mails()).extracting(mail -> mail.to() + " " + mail.attachments().keySet()).containsExactlyInAnyOrder(
                ZHANG + " [store-daily_北京朝阳店_2026-11-05.pdf, store-daily_北京朝阳店_2026-11-05.xlsx]",
                LI + " [store-daily_北京朝阳店_2026-11-05.pdf, store-daily_北京朝阳店_2026-11-05.xlsx, "
                        + "store-daily_天津滨江道店_2026-11-05.pdf, store-daily_天津滨江道店_2026-11-05.xlsx]",
                LI + " [region-weekly_华北_2026-W45.pdf, region-weekly_华北_2026-W45.xlsx]",
                WANG + " [store-daily_上海浦东店😀_2026-11-05.pdf, store-daily_上海浦东店😀_2026-11-05.xlsx]",
                HQ + " [chain-weekly_chain_2026-W45.pdf, chain-weekly_chain_2026-W45.xlsx]");
    }

    @Test
    void aLetterIsWrittenInItsRecipientsLanguage() throws Exception {
        ordersRolledUp();

        runner.run("report", Map.of("report", "store-daily", "date", DAY.toString()));

        Mail chinese = mailsTo(ZHANG).get(0);
        assertThat(chinese.subject()).isEqualTo("Nightshift 日报 2026年11月5日（1 份报表）");
        assertThat(chinese.body()).contains("张三，您好", "门店日报（北京朝阳店）：订单 1，净额 ¥100.00", "数据截至");
        Mail english = mailsTo(WANG).get(0);
        assertThat(english.subject()).isEqualTo("Nightshift daily reports November 5, 2026 (1 report)");
        assertThat(english.body()).contains("Dear Wang Wu", "Store daily (上海浦东店😀): 1 order, net ¥100.00");
        assertThat(new String(english.attachments().get("store-daily_上海浦东店😀_2026-11-05.pdf"), 0, 5))
                .isEqualTo("%PDF-");
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
        List<Mail> toZhang = mailsTo(ZHANG);
        assertThat(toZhang).hasSize(2);
        assertThat(toZhang.get(1).subject()).startsWith("【更正】Nightshift 日报");
        assertThat(toZhang.get(1).body()).contains("门店日报（北京朝阳店）净额：¥100.00 → ¥1,334.50",
                "门店日报（北京朝阳店）订单数：1 → 2");
        assertThat(mails()).as("one original and one correction each to 张三 and 李四, nothing more").hasSize(4);
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
        List<Mail> toLi = mailsTo(LI);
        assertThat(toLi).as("the whole day, then one correction for 天津").hasSize(2);
        Mail correction = toLi.get(1);
        assertThat(correction.body()).contains("门店日报（天津滨江道店）净额：¥100.00 → ¥150.00")
                .doesNotContain("门店日报（北京朝阳店）净额");
        assertThat(correction.attachments().keySet()).as("the region's letter stays whole")
                .anyMatch(name -> name.contains(BEIJING)).anyMatch(name -> name.contains(TIANJIN));
        assertThat(mailsTo(ZHANG)).as("北京's own manager: nothing of his changed").hasSize(1);
    }

    @Test
    void aRestartAfterAFailureRendersOnlyWhatIsMissing() throws Exception {
        ordersRolledUp();
        Map<String, String> stores = Map.of("report", "store-daily", "date", DAY.toString());
        // Three reports, rendered two at a time (nightshift.reports.threads) in store order: a directory where the
        // last one's PDF must go fails its batch after the first batch has committed
        Path blocked = files.resolve("2026-11-05/store-daily/" + TIANJIN + "/zh-CN/v1.pdf");
        Files.createDirectories(blocked.resolve("in-the-way"));
        JobExecution failed = runner.run("report", stores);
        Files.delete(blocked.resolve("in-the-way"));
        Files.delete(blocked);

        JobExecution resumed = runner.run("report", stores);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(resumed.getExitStatus().getExitDescription()).as("the first two are not rendered again")
                .contains("3 reports rendered (3 new versions, 0 unchanged)");
        assertThat(jdbc.queryForList("SELECT subject || ' ' || (rendering_execution_id = ?) FROM report_archive",
                String.class, resumed.getId())).containsExactlyInAnyOrder(SHANGHAI + " false", BEIJING + " false",
                TIANJIN + " true");
        assertThat(mails()).extracting(Mail::to).containsExactlyInAnyOrder(ZHANG, LI, WANG);
    }

    @Test
    void aRejectedLetterIsCountedAsFailedWhileTheOthersAreDelivered() throws Exception {
        ordersRolledUp();

        JobExecution execution = sendingTo(new RefusingSmtpServer(ZHANG), BEIJING_DAY);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitDescription()).contains("1 delivered, 1 failed");
    }

    @Test
    void aRunWhoseEveryLetterIsRejectedFails() throws Exception {
        ordersRolledUp();

        JobExecution execution = sendingTo(new RefusingSmtpServer(ZHANG, LI), BEIJING_DAY);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getExitStatus().getExitDescription()).contains("2 letters failed", "none was delivered");
    }

    private JobExecution sendingTo(RefusingSmtpServer server, Map<String, String> parameters) throws Exception {
        int port = mail.getPort();
        try (server) {
            mail.setPort(server.port());
            return runner.run("report", parameters);
        } finally {
            mail.setPort(port);
        }
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
}
