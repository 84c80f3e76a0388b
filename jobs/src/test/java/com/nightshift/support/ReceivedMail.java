package com.nightshift.support;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** What tests read of a message the test mail server received, without the checked exceptions of Jakarta Mail. */
public final class ReceivedMail {

    private ReceivedMail() {
    }

    /** The address of the message's first recipient: each letter Nightshift sends has one. */
    public static String recipientOf(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
