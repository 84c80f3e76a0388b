package com.nightshift.health.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;

import com.nightshift.health.HealthHistory;
import com.nightshift.health.HealthState;
import com.nightshift.support.FreePorts;
import com.nightshift.support.ReceivedMail;

/**
 * Each alert reaches each person once, whatever happens between deciding and sending: the alert step run again,
 * two alert steps at once (two instances), a process that died after deciding, a mail server down, a run that
 * failed and was resumed.
 */
class AlertsExactlyOnceTest extends AlertsTestBase {

    @Autowired
    @Qualifier("jobOperator")
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    @Qualifier("healthJob")
    Job healthJob;
    @Autowired
    AlertDecisions decisions;
    @Autowired
    HealthHistory history;

    @Test
    void runningTheAlertStepAgainSendsNothingMore() throws Exception {
        queueCheck.set(HealthState.CRIT);
        runHealth();

        JobExecution again = alertStepAlone();

        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(receivedBy(ONCALL)).hasSize(1);
        assertThat(receivedBy(DBA)).hasSize(1);
    }

    @Test
    void twoAlertStepsAtOnceSendOneLetterPerRecipient() throws Exception {
        queueCheck.set(HealthState.CRIT);
        recordResultOutsideTheJob();
        CyclicBarrier together = new CyclicBarrier(2);

        List<CompletableFuture<JobExecution>> steps = List.of(alertStepAfter(together), alertStepAfter(together));

        for (CompletableFuture<JobExecution> step : steps) {
            assertThat(step.get(2, TimeUnit.MINUTES).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
        assertThat(receivedBy(ONCALL)).hasSize(1);
        assertThat(receivedBy(DBA)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM health_alert", Integer.class)).isEqualTo(1);
    }

    @Test
    void alertsDecidedByAProcessThatDiedBeforeSendingAreSentOnceByTheNextRun() throws Exception {
        queueCheck.set(HealthState.CRIT);
        recordResultOutsideTheJob();
        // what a process killed right after the decision's commit leaves: the alert and its letters, unsent
        AlertDecisions.Decision decided = decisions.decide(List.of(AlertTestChecks.QUEUE), null);
        assertThat(received()).isEmpty();

        runHealth();
        runHealth();

        assertThat(receivedBy(ONCALL)).singleElement().extracting(ReceivedMail::subjectOf)
                .isEqualTo("【Nightshift 告警】严重：jobs.test-queue");
        assertThat(receivedBy(DBA)).hasSize(1);
        assertThat(jdbc.queryForList("SELECT DISTINCT delivery_key FROM delivery WHERE state = 'DELIVERED' "
                + "AND delivery_key LIKE 'health-alert:%'", String.class))
                .containsExactly(decided.deliveryKey().orElseThrow());
    }

    @Test
    void aRunThatFailedAfterDecidingSendsTheDecidedLettersOnceWhenResumed() throws Exception {
        queueCheck.set(HealthState.CRIT);
        // no mail server configured: the sending fails after the decision has committed
        mail.setHost("");
        JobExecution failed = runHealth();
        mailGoesTo(MAIL.getSmtp().getPort());

        JobExecution resumed = runHealth();
        runHealth();

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(resumed.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(alertsStepMessage(resumed)).isEqualTo("alerts: nothing new to tell; letters: 2 delivered");
        assertThat(receivedBy(ONCALL)).singleElement().extracting(ReceivedMail::subjectOf)
                .isEqualTo("【Nightshift 告警】严重：jobs.test-queue");
        assertThat(receivedBy(DBA)).hasSize(1);
    }

    @Test
    void anAlertTheMailServerDidNotTakeIsSentOnceByARunAfterItIsBack() throws Exception {
        queueCheck.set(HealthState.CRIT);
        mailGoesTo(FreePorts.unused());
        JobExecution down = runHealth();
        mailGoesTo(MAIL.getSmtp().getPort());

        JobExecution up = runHealth();
        runHealth();

        assertThat(down.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(alertsStepMessage(down)).contains("2 failed (sent again by the next health run)");
        assertThat(alertsStepMessage(up)).isEqualTo("alerts: nothing new to tell; letters: 2 delivered "
                + "(2 that had failed before)");
        assertThat(receivedBy(ONCALL)).singleElement().extracting(ReceivedMail::subjectOf)
                .isEqualTo("【Nightshift 告警】严重：jobs.test-queue");
        assertThat(receivedBy(DBA)).hasSize(1);
    }

    @Test
    void whileTheMailServerIsDownARunResendsOnlyTheNewestFailedAlertAndEveryOneOnceItIsBack() throws Exception {
        mailGoesTo(FreePorts.unused());
        queueCheck.set(HealthState.CRIT);
        runHealth();
        spoolCheck.set(HealthState.WARN);
        runHealth();
        List<String> keys = jdbc.queryForList("SELECT DISTINCT delivery_key FROM health_alert ORDER BY 1",
                String.class);

        runHealth();
        mailGoesTo(MAIL.getSmtp().getPort());
        runHealth();
        runHealth();

        // the first alert was resent by the second run, the second alert by the third (each stopping there, the
        // server still down), and both by the first run after the server came back
        assertThat(keys).hasSize(2).allSatisfy(key -> assertThat(jdbc.queryForObject("SELECT count(*) FROM delivery"
                + " WHERE delivery_key = ? AND email = ? AND resend_of IS NOT NULL", Integer.class, key, ONCALL))
                .isEqualTo(2));
        assertThat(receivedBy(ONCALL)).extracting(ReceivedMail::subjectOf).containsExactlyInAnyOrder(
                "【Nightshift 告警】严重：jobs.test-queue", "【Nightshift 告警】警告：mail.test-spool");
        assertThat(receivedBy(DBA)).hasSize(2);
    }

    @Test
    void aRunThatFailedInTheAlertStepAndIsResumedSendsItsAlertsOnce() throws Exception {
        queueCheck.set(HealthState.CRIT);
        jdbc.execute("""
                CREATE FUNCTION test_refuse_alert() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'test: health_alert refused'; END $$""");
        JobExecution failed;
        try {
            jdbc.execute("CREATE TRIGGER test_refuse_alert BEFORE INSERT ON health_alert "
                    + "FOR EACH ROW EXECUTE FUNCTION test_refuse_alert()");
            failed = runHealth();
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS test_refuse_alert ON health_alert");
            jdbc.execute("DROP FUNCTION test_refuse_alert()");
        }

        JobExecution resumed = runHealth();
        runHealth();

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(resumed.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(receivedBy(ONCALL)).hasSize(1);
        assertThat(receivedBy(DBA)).hasSize(1);
    }

    @Test
    // without a timeout of its own the decider would wait for the lock forever: fail rather than hang the build
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aDeciderHeldUpPastTheStatementTimeoutGivesUpHavingDecidedNothing() throws Exception {
        queueCheck.set(HealthState.CRIT);
        recordResultOutsideTheJob();

        try (Connection other = jdbc.getDataSource().getConnection(); Statement lock = other.createStatement()) {
            // another decider's lock (AlertHistory), held past nightshift.health.statement-timeout
            lock.execute("SELECT pg_advisory_lock(" + 0x4e53_4841 + ", 0)");
            try {
                assertThatThrownBy(() -> decisions.decide(List.of(AlertTestChecks.QUEUE), null))
                        .isInstanceOf(DataAccessException.class).hasMessageContaining("statement timeout");
            } finally {
                lock.execute("SELECT pg_advisory_unlock(" + 0x4e53_4841 + ", 0)");
            }
        }

        assertThat(jdbc.queryForObject("SELECT count(*) FROM health_alert", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM delivery WHERE delivery_key LIKE 'health-alert:%'",
                Integer.class)).isZero();
    }

    private void recordResultOutsideTheJob() {
        history.record(null, queueCheck.run(), Duration.ofMillis(1));
    }

    private JobExecution alertStepAlone() {
        JobOperatorTestUtils steps = new JobOperatorTestUtils(jobOperator, jobRepository);
        steps.setJob(healthJob);
        return steps.startStep("healthAlertsStep");
    }

    private CompletableFuture<JobExecution> alertStepAfter(CyclicBarrier together) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                together.await(1, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return alertStepAlone();
        });
    }
}
