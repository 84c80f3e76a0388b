package com.nightshift.reports.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nightshift.support.RefusingSmtpServer;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** A letter the mail server refused during a report run, resent on purpose through the API once it accepts. */
class ReportResendApiTest extends ReportApiTestBase {

    @Test
    void resendingAFailedLetterSendsExactlyThatOneAsARecordedResend() throws Exception {
        try (RefusingSmtpServer refusing = new RefusingSmtpServer(ZHANG)) {
            mailGoesTo(refusing.port());
            runner.run("report", Map.of("report", "store-daily", "date", DAY.toString()));
            assertThat(refusing.accepted()).hasSize(1).allSatisfy(raw -> assertThat(raw).contains("<" + HQ + ">"));
        }
        long failed = jdbc.queryForObject("SELECT id FROM delivery WHERE email = ? AND state = 'FAILED'", Long.class,
                ZHANG);
        mailGoesTo(MAIL.getSmtp().getPort());

        HttpResponse<String> response = api().post("/api/reports/deliveries/" + failed + "/resend", "");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> resend = jdbc.queryForMap("SELECT * FROM delivery WHERE resend_of = ?", failed);
        assertThat(resend).containsEntry("email", ZHANG).containsEntry("state", "DELIVERED")
                .containsEntry("requested_by", "api");
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(((InternetAddress) received[0].getAllRecipients()[0]).getAddress()).isEqualTo(ZHANG);
        assertThat(received[0].getMessageID()).isEqualTo(resend.get("message_id"));
        assertThat(received[0].getSubject()).isEqualTo("Nightshift 日报 2026年11月5日（1 份报表）");
        assertThat(jdbc.queryForList("SELECT email || ' ' || state FROM delivery WHERE resend_of IS NULL",
                String.class)).containsExactlyInAnyOrder(ZHANG + " FAILED", HQ + " DELIVERED");
    }
}
