package com.nightshift.health.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static com.nightshift.support.ReceivedMail.subjectOf;

import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

import com.nightshift.config.NightshiftProperties;
import com.nightshift.health.HealthState;
import com.nightshift.support.ReceivedMail;

import jakarta.mail.internet.MimeMessage;

/** What the people on call receive as checks change state, run after run of the health job. */
class HealthAlertsTest extends AlertsTestBase {

    @Autowired
    NightshiftProperties nightshift;

    @Test
    void aCheckGoingBadSendsOneAlertToEachRecipient() throws Exception {
        runHealth();
        queueCheck.set(HealthState.CRIT);

        runHealth();

        assertThat(receivedBy(ONCALL)).singleElement().extracting(ReceivedMail::subjectOf)
                .isEqualTo("【Nightshift 告警】严重：jobs.test-queue");
        assertThat(receivedBy(DBA)).hasSize(1);
        assertThat(received()).hasSize(2);
    }

    @Test
    void aCheckFoundBadOnItsFirstRunIsAlerted() throws Exception {
        queueCheck.set(HealthState.WARN);

        runHealth();

        assertThat(receivedBy(ONCALL)).singleElement().extracting(ReceivedMail::subjectOf)
                .isEqualTo("【Nightshift 告警】警告：jobs.test-queue");
    }

    @Test
    void theAlertSaysWhatIsWrongSinceWhenTheValuesAgainstThresholdsAndWhatToDo() throws Exception {
        queueCheck.set(HealthState.WARN);

        runHealth();

        String body = body(receivedBy(ONCALL).get(0));
        assertThat(body).contains("■ 警告　jobs.test-queue（作业）：由正常变为警告")
                .contains("开始时间：" + firstResultIn(HealthState.WARN))
                .contains("queue_depth = 42 letters (警告阈值 10 letters, 严重阈值 100 letters)")
                .contains("情况与处理：The queue jobs.test-queue holds 42 letters; empty it with "
                        + "`nightshift drain jobs.test-queue`.");
    }

    @Test
    void nothingIsSentWhileTheStateIsUnchanged() throws Exception {
        queueCheck.set(HealthState.CRIT);
        runHealth();

        JobExecution again = runHealth();

        assertThat(receivedBy(ONCALL)).hasSize(1);
        assertThat(alertsStepMessage(again)).isEqualTo("alerts: nothing new to tell");
    }

    @Test
    void aRecoverySendsOneLetterSayingSinceWhenTheCheckHadBeenBad() throws Exception {
        queueCheck.set(HealthState.CRIT);
        runHealth();
        String badSince = firstResultIn(HealthState.CRIT);
        queueCheck.set(HealthState.OK);

        runHealth();
        runHealth();

        assertThat(receivedBy(ONCALL)).hasSize(2);
        MimeMessage recovery = receivedBy(ONCALL).get(1);
        assertThat(subjectOf(recovery)).isEqualTo("【Nightshift 恢复】jobs.test-queue 已恢复正常");
        assertThat(body(recovery)).contains("■ 已恢复　jobs.test-queue（作业）：由严重恢复为正常")
                .contains("恢复时间：" + firstResultIn(HealthState.OK) + "（此前自 " + badSince + " 起为严重）");
    }

    @Test
    void warnTurningCritIsAChange() throws Exception {
        queueCheck.set(HealthState.WARN);
        runHealth();
        queueCheck.set(HealthState.CRIT);

        runHealth();

        assertThat(receivedBy(ONCALL)).extracting(ReceivedMail::subjectOf).containsExactly(
                "【Nightshift 告警】警告：jobs.test-queue", "【Nightshift 告警】严重：jobs.test-queue");
        assertThat(body(receivedBy(ONCALL).get(1))).contains("由警告变为严重");
    }

    @Test
    void aCheckStillBadAfterTheReminderTimeIsToldAgainSinceWhenItIsBad() throws Exception {
        queueCheck.set(HealthState.CRIT);
        runHealth();
        String since = firstResultIn(HealthState.CRIT);
        // the reminder time goes by (nightshift.alerts.reminder-after, 20h)
        jdbc.update("UPDATE health_alert SET decided_at = decided_at - interval '20 hours'");

        runHealth();
        runHealth();

        assertThat(receivedBy(ONCALL)).extracting(ReceivedMail::subjectOf).containsExactly(
                "【Nightshift 告警】严重：jobs.test-queue", "【Nightshift 提醒】jobs.test-queue 仍为严重");
        assertThat(body(receivedBy(ONCALL).get(1))).contains("■ 仍未解决　jobs.test-queue（作业）：仍为严重")
                .contains("开始时间：" + since);
    }

    @Test
    void noReminderBeforeTheReminderTime() throws Exception {
        queueCheck.set(HealthState.CRIT);
        runHealth();
        jdbc.update("UPDATE health_alert SET decided_at = decided_at - interval '19 hours'");

        runHealth();

        assertThat(receivedBy(ONCALL)).hasSize(1);
    }

    @Test
    void severalChangesInOneRunMakeOneDigestPerRecipientNamingHowManyAndTheWorst() throws Exception {
        spoolCheck.set(HealthState.WARN);
        runHealth();
        queueCheck.set(HealthState.CRIT);
        spoolCheck.set(HealthState.OK);

        runHealth();

        assertThat(receivedBy(ONCALL)).hasSize(2);
        MimeMessage digest = receivedBy(ONCALL).get(1);
        assertThat(subjectOf(digest)).isEqualTo("【Nightshift 告警】2 项检查有变化，最严重：严重");
        assertThat(body(digest).indexOf("jobs.test-queue（作业）：由正常变为严重"))
                .isPositive().isLessThan(body(digest).indexOf("mail.test-spool（邮件）：由警告恢复为正常"));
        assertThat(receivedBy(DBA)).hasSize(2);
    }

    @Test
    void theStepSaysWhatItToldAndWhatWasDelivered() throws Exception {
        queueCheck.set(HealthState.CRIT);

        JobExecution execution = runHealth();

        assertThat(alertsStepMessage(execution))
                .matches("alerts: 1 told in health-alert:\\d+ \\(1 alert\\) to 2 recipients; letters: 2 delivered");
    }

    @Test
    void theRunsMessageSaysWhatTheAlertsTold() throws Exception {
        queueCheck.set(HealthState.CRIT);

        JobExecution execution = runHealth();

        assertThat(execution.getExitStatus().getExitDescription()).matches("alerts: 1 told in health-alert:\\d+ "
                + "\\(1 alert\\) to 2 recipients; letters: 2 delivered; 2 checks: 1 OK, 0 WARN, 1 CRIT; "
                + "CRIT: jobs.test-queue");
    }

    /** The first result of the present run of this state, as the letters write times. */
    private String firstResultIn(HealthState state) {
        Timestamp first = jdbc.queryForObject("SELECT min(checked_at) FROM health_result WHERE check_name = ? "
                + "AND state = ? AND checked_at > coalesce((SELECT max(checked_at) FROM health_result "
                + "WHERE check_name = ? AND state <> ?), '-infinity')", Timestamp.class, AlertTestChecks.QUEUE,
                state.name(), AlertTestChecks.QUEUE, state.name());
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss (VV)").withZone(nightshift.zone())
                .format(first.toInstant());
    }
}
