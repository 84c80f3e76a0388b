package com.nightshift.health.alerts;

import static com.nightshift.support.ReceivedMail.recipientOf;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.nightshift.health.HealthState;
import com.nightshift.ops.JobRunner;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.TestMailServer;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The health job on the real servers with two checks the tests flip (see {@link AlertTestChecks}), two people on
 * call, and GreenMail (a fresh one per test) as the mail server. A letter the server does not take fails at once
 * rather than after minutes of retries.
 */
@Import(AlertTestChecks.class)
@TestPropertySource(properties = {"spring.quartz.scheduler-name=nightshift-alerts-test",
        "nightshift.alerts.recipients=" + AlertsTestBase.ONCALL + "," + AlertsTestBase.DBA,
        "nightshift.delivery.max-attempts=1"})
abstract class AlertsTestBase extends IntegrationTest {

    static final String ONCALL = "oncall@example.com";
    static final String DBA = "dba@example.com";

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMailServer.greenMail();

    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailProperties mail;
    @Autowired
    FlippableCheck queueCheck;
    @Autowired
    FlippableCheck spoolCheck;

    @BeforeEach
    void everyCheckOkAndNothingToldYet() {
        jdbc.execute("TRUNCATE health_result, health_alert");
        jdbc.update("DELETE FROM delivery WHERE delivery_key LIKE 'health-alert:%'");
        // a failed run would be resumed rather than started afresh
        jdbc.update("UPDATE batch_job_execution SET status = 'ABANDONED' WHERE status IN ('FAILED', 'STOPPED')");
        queueCheck.set(HealthState.OK);
        spoolCheck.set(HealthState.OK);
        mailGoesTo(MAIL.getSmtp().getPort());
    }

    /** Points {@code spring.mail.port} at this port (read at every sending). */
    void mailGoesTo(int port) {
        mail.setHost("127.0.0.1");
        mail.setPort(port);
    }

    JobExecution runHealth() throws Exception {
        return runner.run("health", Map.of());
    }

    static String alertsStepMessage(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(step -> step.getStepName().equals("healthAlertsStep"))
                .map(StepExecution::getExitStatus).findFirst().orElseThrow().getExitDescription();
    }

    static List<MimeMessage> received() {
        return Arrays.asList(MAIL.getReceivedMessages());
    }

    static List<MimeMessage> receivedBy(String email) {
        return received().stream().filter(message -> recipientOf(message).equals(email)).toList();
    }



    static String body(MimeMessage message) {
        try {
            return ((String) message.getContent()).replace("\r\n", "\n");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
