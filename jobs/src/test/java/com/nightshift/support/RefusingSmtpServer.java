package com.nightshift.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * An SMTP server with a mind of its own: it refuses chosen addresses for good ({@code 550} to RCPT TO), answers
 * {@code 451} to a number of messages before accepting any (a greylisting or overloaded server), and can be made to
 * take a message and never answer, or be stopped and started again on its port (a server down). Accepted messages
 * are kept whole.
 */
public final class RefusingSmtpServer implements AutoCloseable {

    private final Set<String> refused;
    private final AtomicInteger transientFailures = new AtomicInteger();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final CountDownLatch silence = new CountDownLatch(1);
    private volatile boolean silent;
    private volatile int port;
    private SMTPServer server;

    public RefusingSmtpServer(String... refusedAddresses) {
        this.refused = Set.of(refusedAddresses);
        start();
    }

    /** The next {@code count} messages are answered {@code 451} after their data. */
    public RefusingSmtpServer failTransiently(int count) {
        transientFailures.set(count);
        return this;
    }

    /** From now on, messages are read whole and never answered (until {@link #close}). */
    public void fallSilent() {
        silent = true;
    }

    public int port() {
        return port;
    }

    /** Every accepted message's raw text, in order of acceptance. */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    public synchronized void stop() {
        server.stop();
    }

    /** Starts again on the same port once {@link #stop}ped; on a free port the first time. */
    public synchronized void start() {
        server = SMTPServer.port(port).bindAddress(InetAddress.getLoopbackAddress()).hostName("refusing-smtp")
                .messageHandlerFactory(Handler::new).build();
        server.start();
        port = server.getPortAllocated();
    }

    @Override
    public void close() {
        silence.countDown();
        stop();
    }

    private final class Handler implements MessageHandler {

        Handler(MessageContext context) {
        }

        @Override
        public void from(String from) {
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            if (refused.contains(recipient)) {
                throw new RejectException(550, "5.1.1 <" + recipient + ">: Recipient address rejected: no such user");
            }
        }

        @Override
        public String data(InputStream data) throws RejectException, IOException {
            String message = new String(data.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (transientFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new RejectException(451, "4.3.0 Temporary failure, try again later");
            }
            if (silent) {
                awaitClose();
                return null;
            }
            accepted.add(message);
            return null;
        }

        private void awaitClose() {
            try {
                silence.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void done() {
        }
    }
}
