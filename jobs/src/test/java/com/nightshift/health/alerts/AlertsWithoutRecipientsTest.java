package com.nightshift.health.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.job.JobExecution;
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

/** With nobody in {@code nightshift.alerts.recipients}, checks going bad send nothing, and the step says so. */
@Import(AlertTestChecks.class)
@TestPropertySource(properties = {"spring.quartz.scheduler-name=nightshift-alerts-no-recipients-test",
        "nightshift.alerts.recipients="})
class AlertsWithoutRecipientsTest extends IntegrationTest {

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
    void nothingToldYet() {
        jdbc.execute("TRUNCATE health_result, health_alert");
        jdbc.update("UPDATE batch_job_execution SET status = 'ABANDONED' WHERE status IN ('FAILED', 'STOPPED')");
        mail.setHost("127.0.0.1");
        mail.setPort(MAIL.getSmtp().getPort());
    }

    @Test
    void aCheckGoingBadSendsNothingAndTheStepSaysWhoIsToBeToldAndWhatIsWrong() throws Exception {
        queueCheck.set(HealthState.CRIT);
        spoolCheck.set(HealthState.WARN);

        JobExecution execution = runner.run("health", Map.of());

        assertThat(MAIL.getReceivedMessages()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM health_alert", Integer.class)).isZero();
        assertThat(AlertsTestBase.alertsStepMessage(execution)).isEqualTo("alerts: nobody to tell: "
                + "nightshift.alerts.recipients is empty (not OK: jobs.test-queue, mail.test-spool)");
    }
}
