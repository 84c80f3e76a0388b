package com.nightshift.health.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.mail.autoconfigure.MailProperties;

import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthState;
import com.nightshift.support.RefusingSmtpServer;

/** The mail check against real SMTP servers: one answering, one stopped, one silent, one refusing service. */
class SmtpServerCheckTest {

    private static final MailThresholds THRESHOLDS = new MailThresholds(Duration.ofMillis(500), Duration.ofSeconds(2));

    @Test
    void anAnsweringServerIsOk() {
        try (RefusingSmtpServer server = new RefusingSmtpServer()) {
            CheckResult result = check(server.port(), THRESHOLDS).run();

            assertThat(result.state()).isEqualTo(HealthState.OK);
            assertThat(result.message()).matches("The mail server 127\\.0\\.0\\.1:" + server.port()
                    + " answers in \\d+ ms\\.");
        }
    }

    @Test
    void aStoppedServerIsCritSayingItDoesNotAnswerAndWhatToCheck() {
        int port;
        try (RefusingSmtpServer server = new RefusingSmtpServer()) {
            port = server.port();
        }

        CheckResult result = check(port, THRESHOLDS).run();

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
        assertThat(result.message()).startsWith("The mail server 127.0.0.1:" + port + " does not answer: ")
                .contains("Connection refused").contains("spring.mail.host and spring.mail.port");
    }

    @Test
    void aServerSilentPastTheTimeoutIsCrit() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // accepted by the backlog, never greeted
            CheckResult result = check(silent.getLocalPort(), THRESHOLDS).run();

            assertThat(result.state()).isEqualTo(HealthState.CRIT);
            assertThat(result.message()).contains("did not answer within 500 ms");
        }
    }

    @Test
    void aServerRefusingServiceIsCritQuotingItsAnswer() throws Exception {
        try (ServerSocket refusing = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread greeter = new Thread(() -> {
                try (Socket client = refusing.accept(); OutputStream out = client.getOutputStream()) {
                    out.write("554 no SMTP service here\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    // keep the connection open until the check hangs up, whatever it sends before
                    client.setSoTimeout(5000);
                    client.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // the test's assertions say what went wrong
                }
            });
            greeter.start();

            CheckResult result = check(refusing.getLocalPort(), THRESHOLDS).run();

            greeter.join();
            assertThat(result.state()).isEqualTo(HealthState.CRIT);
            assertThat(result.message()).contains("answered its greeting with '554 no SMTP service here'");
        }
    }

    @Test
    void noConfiguredServerIsCritSayingWhatToSet() {
        CheckResult result = new SmtpServerCheck(new MailProperties(), THRESHOLDS).run();

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
        assertThat(result.message()).contains("spring.mail.host");
    }

    private static SmtpServerCheck check(int port, MailThresholds thresholds) {
        MailProperties mail = new MailProperties();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        return new SmtpServerCheck(mail, thresholds);
    }
}
