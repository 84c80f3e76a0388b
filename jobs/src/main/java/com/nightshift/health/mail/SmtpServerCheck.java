package com.nightshift.health.mail;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * The SMTP server of {@code spring.mail.*} answers: connect, greeting, EHLO, NOOP, QUIT, each within the timeout.
 * A server that is down, silent or answering errors is CRIT: reports (and later alerts) cannot be sent.
 */
@Component
class SmtpServerCheck implements HealthCheck {

    static final String NAME = "mail.smtp";

    private final MailProperties mail;
    private final MailThresholds thresholds;

    SmtpServerCheck(MailProperties mail, MailThresholds thresholds) {
        this.mail = mail;
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckGroup group() {
        return CheckGroup.MAIL;
    }

    @Override
    public CheckResult run() {
        if (mail.getHost() == null || mail.getHost().isBlank()) {
            return new CheckResult(NAME, group(), HealthState.CRIT, "No mail server is configured: set "
                    + "spring.mail.host (SPRING_MAIL_HOST), or no report can be sent.", List.of());
        }
        boolean implicitTls = "smtps".equals(mail.getProtocol()) || "true".equals(property("mail.smtp.ssl.enable"));
        int port = mail.getPort() != null ? mail.getPort() : implicitTls ? 465 : 25;
        String server = mail.getHost() + ":" + port;
        double warn = thresholds.answerWarn().toMillis();
        long start = System.nanoTime();
        try {
            new SmtpConversation(mail.getHost(), port, implicitTls, thresholds.timeout()).hold();
        } catch (SocketTimeoutException e) {
            return down(server, "did not answer within " + thresholds.timeout().toMillis() + " ms");
        } catch (IOException e) {
            return down(server, "does not answer: " + e.getMessage());
        }
        double millis = (System.nanoTime() - start) / 1_000_000.0;
        List<Measurement> values = List.of(new Measurement("answer_time", millis, warn, null, "ms"));
        if (millis >= warn) {
            return new CheckResult(NAME, group(), HealthState.WARN, String.format("The mail server %s answers "
                    + "slowly: %.0f ms (warn at %.0f ms). Letters may time out; ask whoever runs it.", server, millis,
                    warn), values);
        }
        return new CheckResult(NAME, group(), HealthState.OK, String.format("The mail server %s answers in %.0f ms.",
                server, millis), values);
    }

    private CheckResult down(String server, String what) {
        return new CheckResult(NAME, group(), HealthState.CRIT, "The mail server " + server + " " + what
                + ". Reports cannot be sent until it answers: check that it runs and that spring.mail.host and "
                + "spring.mail.port point at it.", List.of());
    }

    private String property(String name) {
        Map<String, String> properties = mail.getProperties();
        return properties.get(name);
    }
}
