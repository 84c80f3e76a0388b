package com.nightshift.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * A letter as a MIME message whose Message-ID is the one the ledger recorded before sending, so that an operator
 * can look it up in the server's log. It remembers whether it was written out whole: a failure after that, without
 * an answer from the server, leaves open whether the server took it.
 */
final class LetterMessage extends MimeMessage {

    private final String messageId;
    private volatile boolean writtenWhole;

    private LetterMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    /** @throws MissingAttachmentException when an attachment's file cannot be read now */
    static LetterMessage of(Session session, InternetAddress from, OutgoingLetter letter) throws MessagingException {
        LetterMessage message = new LetterMessage(session, letter.messageId());
        String charset = StandardCharsets.UTF_8.name();
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, recipient(letter));
        message.setSubject(letter.subject(), charset);
        if (letter.attachments().isEmpty()) {
            message.setText(letter.body(), charset);
        } else {
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(letter.body(), charset);
            parts.addBodyPart(text);
            for (Attachment attachment : letter.attachments()) {
                if (!Files.isReadable(attachment.file())) {
                    throw new MissingAttachmentException(attachment);
                }
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new AttachmentFile(attachment)));
                // non-ASCII names go out as RFC 2231 parameters (mail.mime.encodeparameters is on by default)
                part.setFileName(attachment.fileName());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                parts.addBodyPart(part);
            }
            message.setContent(parts);
        }
        message.saveChanges();
        return message;
    }

    private static InternetAddress recipient(OutgoingLetter letter) throws MessagingException {
        try {
            InternetAddress address = new InternetAddress(letter.email(), true);
            if (letter.name() != null && !letter.name().isBlank()) {
                address.setPersonal(letter.name(), StandardCharsets.UTF_8.name());
            }
            return address;
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("cannot encode the name " + letter.name(), e);
        }
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
        super.writeTo(out, ignoreList);
        writtenWhole = true;
    }

    boolean writtenWhole() {
        return writtenWhole;
    }

    /** An attachment whose file is gone or unreadable: the letter can never be sent as recorded. */
    static final class MissingAttachmentException extends MessagingException {

        MissingAttachmentException(Attachment attachment) {
            super("attachment " + attachment.fileName() + " cannot be read from " + attachment.file());
        }
    }

    /** The file is opened only while the message is written out; the activation framework closes each stream. */
    private record AttachmentFile(Attachment attachment) implements DataSource {

        @Override
        public InputStream getInputStream() throws IOException {
            return Files.newInputStream(attachment.file());
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("attachments are read only");
        }

        @Override
        public String getContentType() {
            return attachment.contentType();
        }

        @Override
        public String getName() {
            return attachment.fileName();
        }
    }
}
