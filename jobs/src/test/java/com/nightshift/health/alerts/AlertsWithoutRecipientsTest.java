package com.nightshift.health.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.health.HealthState;

/** With nobody in {@code nightshift.alerts.recipients}, checks going bad send nothing, and the step says so. */
@TestPropertySource(properties = {"spring.quartz.scheduler-name=nightshift-alerts-no-recipients-test",
        "nightshift.alerts.recipients="})
class AlertsWithoutRecipientsTest extends AlertsTestBase {

    @Test
    void aCheckGoingBadSendsNothingAndTheStepSaysWhoIsToBeToldAndWhatIsWrong() throws Exception {
        queueCheck.set(HealthState.CRIT);
        spoolCheck.set(HealthState.WARN);

        JobExecution execution = runHealth();

        assertThat(received()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM health_alert", Integer.class)).isZero();
        assertThat(alertsStepMessage(execution)).isEqualTo("alerts: nobody to tell: "
                + "nightshift.alerts.recipients is empty (not OK: jobs.test-queue, mail.test-spool)");
    }
}
