package com.nightshift.reports.api;

import static com.nightshift.support.OrderLineRows.aLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.nightshift.ops.JobRunner;
import com.nightshift.support.RollupTableState;
import com.nightshift.support.TestMailServer;
import com.nightshift.support.WebIntegrationTest;

/**
 * The reports' HTTP API on every real part: a recipients file written here (张三 gets Beijing's daily report in
 * Chinese, head office its region's in English), the ledger, and GreenMail (a fresh one per test) as SMTP server.
 */
@TestPropertySource(properties = "spring.quartz.scheduler-name=nightshift-report-web-test")
abstract class ReportApiTestBase extends WebIntegrationTest {

    static final String STORE = "北京朝阳店";
    static final LocalDate DAY = LocalDate.of(2026, 11, 5);
    static final String ZHANG = "zhang.san@example.com";
    static final String HQ = "hq@example.com";

    private static final Path RECIPIENTS_FILE = recipientsFile();

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMailServer.greenMail();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobRunner runner;
    @Autowired
    MailProperties mail;

    @DynamicPropertySource
    static void recipients(DynamicPropertyRegistry registry) {
        registry.add("nightshift.recipients.file", RECIPIENTS_FILE::toString);
    }

    @BeforeEach
    void oneStoreRolledUpWithItsRecipients() throws Exception {
        RollupTableState.clear(jdbc);
        jdbc.execute("TRUNCATE rollup_store_day_state, report_letter_content, report_archive, delivery "
                + "RESTART IDENTITY");
        jdbc.update("UPDATE batch_job_execution SET status = 'ABANDONED' WHERE status IN ('FAILED', 'STOPPED')");
        Files.writeString(RECIPIENTS_FILE, """
                regions:
                  华北: [北京朝阳店]
                recipients:
                  - {email: zhang.san@example.com, name: 张三, language: zh-CN, stores: [北京朝阳店]}
                  - {email: hq@example.com, name: Head Office, language: en, regions: [华北], chain: true}
                """, StandardCharsets.UTF_8);
        mailGoesTo(MAIL.getSmtp().getPort());
        aLine().store(STORE).on(DAY).amount("88.00").insert(jdbc);
        runner.run("rollup", Map.of("mode", "full", "from", DAY.minusDays(7).toString(), "to", DAY.toString()));
    }

    /** Points the engine's {@code spring.mail.port} at the SMTP server this test needs (read at every sending). */
    void mailGoesTo(int smtpPort) {
        mail.setHost("127.0.0.1");
        mail.setPort(smtpPort);
    }

    private static Path recipientsFile() {
        try {
            return Files.createTempDirectory("nightshift-report-api-test-").resolve("recipients.yml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
