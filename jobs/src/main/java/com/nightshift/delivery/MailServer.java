package com.nightshift.delivery;

import java.util.Properties;

import org.springframework.boot.mail.autoconfigure.MailProperties;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;

/** The SMTP server of {@code spring.mail.*}: host, port, credentials, timeouts and any other mail property. */
final class MailServer {

    private final MailProperties mail;
    private final InternetAddress from;

    MailServer(MailProperties mail, InternetAddress from) {
        if (mail.getHost() == null || mail.getHost().isBlank()) {
            throw new IllegalStateException("no mail server: spring.mail.host (SPRING_MAIL_HOST) is not set");
        }
        this.mail = mail;
        this.from = from;
    }

    /** A connection for a batch of letters; it connects when the first letter is sent. */
    SmtpConnection open() {
        Properties properties = new Properties();
        properties.putAll(mail.getProperties());
        String protocol = mail.getProtocol() == null ? "smtp" : mail.getProtocol();
        properties.setProperty("mail.transport.protocol", protocol);
        if (mail.getUsername() != null) {
            properties.setProperty("mail." + protocol + ".auth", "true");
        }
        return new SmtpConnection(Session.getInstance(properties), protocol, mail.getHost(),
                mail.getPort() == null ? -1 : mail.getPort(), mail.getUsername(), mail.getPassword(), from);
    }

    @Override
    public String toString() {
        return mail.getHost() + ":" + (mail.getPort() == null ? "default port" : mail.getPort());
    }
}
