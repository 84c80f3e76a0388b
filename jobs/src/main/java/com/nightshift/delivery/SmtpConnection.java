package com.nightshift.delivery;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;

/**
 * One SMTP connection reused for a batch of letters. After any failure it is closed, and the next letter connects
 * again: a transport that failed mid-conversation is not trusted with the next one.
 */
final class SmtpConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnection.class);

    private final Session session;
    private final String protocol;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final InternetAddress from;
    private SMTPTransport transport;

    SmtpConnection(Session session, String protocol, String host, int port, String username, String password,
            InternetAddress from) {
        this.session = session;
        this.protocol = protocol;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.from = from;
    }

    SmtpOutcome send(OutgoingLetter letter) {
        LetterMessage message;
        try {
            message = LetterMessage.of(session, from, letter);
        } catch (MessagingException e) {
            return SmtpOutcome.permanentFailure("not sent: " + e.getMessage());
        }
        try {
            SMTPTransport connected = connected();
            connected.sendMessage(message, new Address[] {new InternetAddress(letter.email())});
            return SmtpOutcome.accepted(connected.getLastServerResponse().trim());
        } catch (MessagingException e) {
            disconnect();
            return classify(e, message.writtenWhole());
        }
    }

    private SMTPTransport connected() throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            transport = (SMTPTransport) session.getTransport(protocol);
            transport.connect(host, port, username, password);
        }
        return transport;
    }

    /** The server's reply code decides; without one, whether the message had gone out whole does. */
    static SmtpOutcome classify(MessagingException failure, boolean writtenWhole) {
        for (Exception e = failure; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
            int code = e instanceof SMTPSendFailedException send ? send.getReturnCode()
                    : e instanceof SMTPAddressFailedException address ? address.getReturnCode() : -1;
            if (code >= 500) {
                return SmtpOutcome.permanentFailure(e.getMessage().trim());
            }
            if (code >= 400) {
                return SmtpOutcome.transientFailure(e.getMessage().trim());
            }
        }
        String cause = describe(failure);
        return writtenWhole
                ? SmtpOutcome.unknown("no answer after the whole message was sent: " + cause)
                : SmtpOutcome.transientFailure(cause);
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            text.append(": ").append(cause.getClass().getSimpleName()).append(' ').append(cause.getMessage());
        }
        return text.toString();
    }

    private void disconnect() {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            log.debug("Closing a failed SMTP connection failed as well: {}", e.getMessage());
        } finally {
            transport = null;
        }
    }

    @Override
    public void close() {
        disconnect();
    }
}
