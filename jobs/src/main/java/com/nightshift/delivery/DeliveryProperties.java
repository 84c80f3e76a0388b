package com.nightshift.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * How letters are sent.
 *
 * @param from           the sender of every letter, e.g. {@code 夜班报表 <reports@example.com>}; its domain also
 *                       ends every Message-ID
 * @param maxAttempts    SMTP attempts of one letter before it is FAILED; a permanent rejection (5xx) fails at once
 * @param initialBackoff wait after the first transient failure (connection refused, timeout, 4xx); doubled after
 *                       each further one
 * @param maxBackoff     longest wait between two attempts. With the defaults a letter is tried 5 times over about
 *                       2.5 minutes (10 + 20 + 40 + 80 s): a mail server restarting or greylisting for a minute
 *                       is waited out, one that is down for longer fails the letters, which an operator resends
 * @param senders        letters handed to the SMTP server at once, each sender with its own SMTP connection and
 *                       database session: a sender mostly waits for the server's answer, so a few of them send a
 *                       morning's letters several times faster, while staying far below the connection limits that
 *                       mail servers commonly set per client
 */
@ConfigurationProperties("nightshift.delivery")
public record DeliveryProperties(
        @DefaultValue("Nightshift <nightshift@localhost>") String from,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("10s") Duration initialBackoff,
        @DefaultValue("2m") Duration maxBackoff,
        @DefaultValue("4") int senders) {

    public DeliveryProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("nightshift.delivery.max-attempts must be at least 1, was "
                    + maxAttempts);
        }
        if (senders < 1) {
            throw new IllegalArgumentException("nightshift.delivery.senders must be at least 1, was " + senders);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("nightshift.delivery.initial-backoff (" + initialBackoff
                    + ") must not be negative nor longer than nightshift.delivery.max-backoff (" + maxBackoff + ")");
        }
        fromAddress(from);
    }

    InternetAddress fromAddress() {
        return fromAddress(from);
    }

    /** The right-hand side of every Message-ID: the sender's domain, so that another sender's IDs never clash. */
    String messageIdDomain() {
        String address = fromAddress().getAddress();
        return address.substring(address.indexOf('@') + 1);
    }

    /** The wait after the {@code attempt}-th transient failure. */
    Duration backoffAfter(int attempt) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static InternetAddress fromAddress(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            if (address.getAddress().indexOf('@') < 1) {
                throw new AddressException("no domain", from);
            }
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("nightshift.delivery.from is not a mail address with a domain: '"
                    + from + "' (" + e.getMessage() + ")", e);
        }
    }
}
