package com.nightshift.health.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Who is emailed when a health check changes state, and how often they are reminded.
 *
 * @param recipients    the people on call, each a mail address; none means no alerts (the job says so)
 * @param reminderAfter a check still WARN or CRIT this long after its people were last told is told again: by the
 *                      next nightly run, which comes 24 h later give or take seconds (20 h leaves it room), and
 *                      not by the runs operators start during the day
 * @param resendWithin  alerts decided this recently whose letters are still due (a process killed after deciding)
 *                      or were not taken by the mail server are sent by each health run: two days, so that the
 *                      next nightly run, 24 h later give or take a few seconds, is surely within it; after that the
 *                      reminder tells what is still wrong
 * @param language      the language of the letters' frame (subject, headings); the checks' messages are as written
 */
@ConfigurationProperties("nightshift.alerts")
public record AlertProperties(@DefaultValue List<String> recipients,
                              @DefaultValue("20h") Duration reminderAfter,
                              @DefaultValue("48h") Duration resendWithin,
                              @DefaultValue("zh-CN") Locale language) {

    public AlertProperties {
        recipients = List.copyOf(recipients);
        recipients.forEach(AlertProperties::requireAddress);
        if (reminderAfter.isNegative() || reminderAfter.isZero()) {
            throw new IllegalArgumentException("nightshift.alerts.reminder-after must be positive, was "
                    + reminderAfter);
        }
        if (resendWithin.isNegative()) {
            throw new IllegalArgumentException("nightshift.alerts.resend-within must not be negative, was "
                    + resendWithin);
        }
    }

    private static void requireAddress(String recipient) {
        try {
            InternetAddress address = new InternetAddress(recipient, true);
            if (address.getAddress().indexOf('@') < 1) {
                throw new AddressException("no domain", recipient);
            }
        } catch (AddressException e) {
            throw new IllegalArgumentException("nightshift.alerts.recipients: '" + recipient
                    + "' is not a mail address (" + e.getMessage() + ")", e);
        }
    }
}
