package com.nightshift.reports.job;

import static com.nightshift.support.OrderLineRows.aLine;
import static com.nightshift.support.ReceivedMail.recipientOf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.nightshift.ops.JobRunner;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RollupTableState;
import com.nightshift.support.TestServers;
import com.nightshift.support.TestMailServer;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The engine on the real servers with every real part: the catalog and JasperReports templates, a recipients file
 * written by the test, the delivery ledger and an SMTP server (GreenMail, a fresh one per test) that keeps what it
 * receives. A chain of three stores in two regions, and people who receive their reports in Chinese and in English.
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
    /** 张三 manages Beijing, 李四 the north, Wang Wu (in English) Shanghai; head office reads English. */
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

    private static final Path RECIPIENTS_FILE = recipientsFile();

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMailServer.greenMail();

    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailProperties mail;

    @DynamicPropertySource
    static void recipients(DynamicPropertyRegistry registry) {
        registry.add("nightshift.recipients.file", RECIPIENTS_FILE::toString);
    }

    @BeforeEach
    void aChainWithItsRecipients() throws IOException {
        RollupTableState.clear(jdbc);
        jdbc.execute("TRUNCATE rollup_store_day_state, report_letter_content, report_archive, delivery "
                + "RESTART IDENTITY");
        jdbc.execute("DROP TRIGGER IF EXISTS test_refuse_store ON rollup_store_daily");
        jdbc.execute("DROP TRIGGER IF EXISTS test_refuse_archive ON report_archive");
        // a failed run of the same parameters would be resumed rather than started afresh
        jdbc.update("UPDATE batch_job_execution SET status = 'ABANDONED' WHERE status IN ('FAILED', 'STOPPED')");
        // the archive's rows are gone, so its files are too
        FileSystemUtils.deleteRecursively(TestServers.get().dataDir().resolve("reports"));
        recipientsFile(RECIPIENTS);
        mailGoesTo(MAIL.getSmtp().getPort());
    }

    /** Replaces the recipients file, which the registry reads again on every run. */
    static void recipientsFile(String yaml) {
        try {
            Files.writeString(RECIPIENTS_FILE, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path recipientsPath() {
        return RECIPIENTS_FILE;
    }

    /** Points the engine's {@code spring.mail.port} at the SMTP server this test needs (read at every sending). */
    void mailGoesTo(int port) {
        mail.setHost("127.0.0.1");
        mail.setPort(port);
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

    /** The ledger's rows, oldest first. */
    List<Map<String, Object>> ledger() {
        return jdbc.queryForList("SELECT * FROM delivery ORDER BY id");
    }

    /** What GreenMail received, in order of arrival. */
    static List<MimeMessage> received() {
        return Arrays.asList(MAIL.getReceivedMessages());
    }

    /** The one message GreenMail received for this address. */
    static MimeMessage receivedBy(String email) {
        List<MimeMessage> messages = received().stream().filter(message -> recipientOf(message).equals(email)).toList();
        if (messages.size() != 1) {
            throw new AssertionError(email + " received " + messages.size() + " messages, not one");
        }
        return messages.get(0);
    }



    static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(MimeMessage message) {
        try {
            return (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message's attachments, in order. */
    static List<BodyPart> attachments(MimeMessage message) {
        try {
            MimeMultipart parts = (MimeMultipart) message.getContent();
            List<BodyPart> attachments = new ArrayList<>();
            for (int i = 0; i < parts.getCount(); i++) {
                if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                    attachments.add(parts.getBodyPart(i));
                }
            }
            return attachments;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> attachmentNames(MimeMessage message) {
        return attachments(message).stream().map(part -> {
            try {
                return part.getFileName();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The content of the attachment of this name. */
    static byte[] attachment(MimeMessage message, String fileName) {
        try {
            for (BodyPart part : attachments(message)) {
                if (fileName.equals(part.getFileName())) {
                    return part.getInputStream().readAllBytes();
                }
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no attachment " + fileName + " in the message to " + recipientOf(message) + ": "
                + attachmentNames(message));
    }

    private static Path recipientsFile() {
        try {
            return Files.createTempDirectory("nightshift-report-test-").resolve("recipients.yml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
