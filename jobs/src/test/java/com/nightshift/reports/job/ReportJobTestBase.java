package com.nightshift.reports.job;

import static com.nightshift.support.OrderLineRows.aLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.ops.JobRunner;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RollupTableState;
import com.nightshift.support.TestServers;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The engine on the real servers with every real part (catalog and JasperReports templates, recipients file,
 * delivery ledger sending to the test SMTP server, which files each message): a chain of three stores in two
 * regions, and people who receive their reports in Chinese and in English.
 */
@TestPropertySource(properties = {"spring.quartz.scheduler-name=nightshift-report-test",
        // long enough for a small rollup on a busy machine, short enough for the test that waits it out
        "nightshift.reports.completeness-deadline=8s"})
abstract class ReportJobTestBase extends IntegrationTest {

    static final String BEIJING = "北京朝阳店";
    static final String TIANJIN = "天津滨江道店";
    static final String SHANGHAI = "上海浦东店😀";
    static final String NORTH = "华北";
    /** A Thursday in ISO week 2026-W45 (Monday 2 November to Sunday 8 November). */
    static final LocalDate DAY = LocalDate.of(2026, 11, 5);
    static final String WEEK = "2026-W45";
    static final String ZHANG = "zhang.san@example.com";
    static final String LI = "li.si@example.com";
    static final String WANG = "wang.wu@example.com";
    static final String HQ = "hq@example.com";
    static final String RECIPIENTS = """
            regions:
              华北: [北京朝阳店, 天津滨江道店]
              华东: [上海浦东店😀]
            recipients:
              - {email: zhang.san@example.com, name: 张三, language: zh-CN, stores: [北京朝阳店]}
              - {email: li.si@example.com, name: 李四, language: zh-CN, regions: [华北]}
              - {email: wang.wu@example.com, name: Wang Wu, language: en, stores: [上海浦东店😀]}
              - {email: hq@example.com, name: Head Office, language: en, chain: true}
            """;
    static final Path RECIPIENTS_FILE = TestServers.get().dataDir().resolve("report-test-recipients.yml");

    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void recipientsFile(DynamicPropertyRegistry registry) {
        registry.add("nightshift.recipients.file", RECIPIENTS_FILE::toString);
    }

    @BeforeEach
    void aChainWithItsRecipients() throws IOException {
        RollupTableState.clear(jdbc);
        jdbc.execute("TRUNCATE rollup_store_day_state, report_letter_content, report_archive, delivery "
                + "RESTART IDENTITY CASCADE");
        jdbc.execute("DROP TRIGGER IF EXISTS test_refuse_store ON rollup_store_daily");
        // a failed run of the same parameters would be resumed rather than started afresh
        jdbc.update("UPDATE batch_job_execution SET status = 'ABANDONED' WHERE status IN ('FAILED', 'STOPPED')");
        // the archive's rows are gone, so its files are too
        FileSystemUtils.deleteRecursively(TestServers.get().dataDir().resolve("reports"));
        Files.writeString(RECIPIENTS_FILE, RECIPIENTS, StandardCharsets.UTF_8);
        try (Stream<Path> mail = Files.list(mailDir())) {
            for (Path message : mail.toList()) {
                Files.delete(message);
            }
        }
    }

    /** Lines of every store on the report date, the day before and a week earlier, rolled up. */
    void ordersRolledUp() throws Exception {
        for (String store : List.of(BEIJING, TIANJIN, SHANGHAI)) {
            for (LocalDate day : List.of(DAY.minusWeeks(1), DAY.minusDays(1), DAY)) {
                aLine().store(store).on(day).amount("100.00").insert(jdbc);
            }
        }
        rollUp();
    }

    void rollUp() throws Exception {
        runner.run("rollup", Map.of("mode", "full", "from", DAY.minusWeeks(2).toString(), "to", DAY.plusWeeks(1)
                .toString()));
    }

    /** Every message the test SMTP server has filed, oldest first. */
    static List<Mail> mails() {
        try (Stream<Path> files = Files.list(mailDir())) {
            List<Mail> mails = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".eml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    mails.add(Mail.of(new MimeMessage(Session.getInstance(new Properties()), in)));
                }
            }
            return mails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Mail> mailsTo(String email) {
        return mails().stream().filter(mail -> mail.to().equals(email)).toList();
    }

    private static Path mailDir() {
        return TestServers.get().dataDir().resolve("mail");
    }

    /** A received message: addressee, subject, text, and its attachments by name. */
    record Mail(String to, String subject, String body, Map<String, byte[]> attachments) {

        static Mail of(MimeMessage message) throws MessagingException, IOException {
            MimeMultipart parts = (MimeMultipart) message.getContent();
            String body = null;
            Map<String, byte[]> attachments = new java.util.LinkedHashMap<>();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.getFileName() == null) {
                    body = part.getContent().toString();
                } else {
                    attachments.put(jakarta.mail.internet.MimeUtility.decodeText(part.getFileName()),
                            part.getInputStream().readAllBytes());
                }
            }
            return new Mail(((InternetAddress) message.getAllRecipients()[0]).getAddress(), message.getSubject(), body,
                    attachments);
        }
    }
}
