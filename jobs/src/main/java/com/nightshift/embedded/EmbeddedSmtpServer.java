package com.nightshift.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;

/**
 * An SMTP server that delivers nothing: it files every message it receives as an {@code .eml} file,
 * one per recipient, so that the demo's mail can be opened with any mail program and counted.
 */
public final class EmbeddedSmtpServer implements AutoCloseable {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final SMTPServer server;
    private final Path mailDir;

    private EmbeddedSmtpServer(SMTPServer server, Path mailDir) {
        this.server = server;
        this.mailDir = mailDir;
    }

    /** @param port 0 for any free port */
    public static EmbeddedSmtpServer start(Path mailDir, int port) throws IOException {
        Files.createDirectories(mailDir);
        MailDrop drop = new MailDrop(mailDir);
        SMTPServer server = SMTPServer.port(FreePort.orAny(port))
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("nightshift-embedded-smtp")
                .simpleMessageListener(drop)
                .build();
        server.start();
        return new EmbeddedSmtpServer(server, mailDir);
    }

    public int port() {
        return server.getPortAllocated();
    }

    public Path mailDir() {
        return mailDir;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Writes each message under a temporary name first, so a reader never sees half a file. */
    private static final class MailDrop implements SimpleMessageListener {

        private final Path dir;
        private final AtomicLong sequence = new AtomicLong();

        MailDrop(Path dir) {
            this.dir = dir;
        }

        @Override
        public boolean accept(String from, String recipient) {
            return true;
        }

        @Override
        public void deliver(String from, String recipient, InputStream data) throws IOException {
            String envelope = "Return-Path: <" + from + ">\r\nDelivered-To: " + recipient + "\r\n";
            String name = LocalDateTime.now().format(FILE_TIME) + "-" + sequence.incrementAndGet() + "-"
                    + recipient.replaceAll("[^A-Za-z0-9@._-]", "_") + ".eml";
            Path partial = dir.resolve(name + ".part");
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    out.write(envelope.getBytes(StandardCharsets.US_ASCII));
                    data.transferTo(out);
                }
                Files.move(partial, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // no half-filed mail: a reader of the folder sees a message whole or not at all
                Files.deleteIfExists(partial);
                throw e;
            }
        }
    }
}
