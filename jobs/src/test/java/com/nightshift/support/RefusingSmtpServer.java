package com.nightshift.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * take messages without answering, to hold senders until several send at once, or be stopped and started again on
 * its port (a server down). Accepted messages are kept whole.
 */
public final class RefusingSmtpServer implements AutoCloseable {

    private final Set<String> refused;
    private final AtomicInteger transientFailures = new AtomicInteger();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final Set<String> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger held = new AtomicInteger();
    private volatile CountDownLatch released = new CountDownLatch(1);
    private volatile int holdAfter = Integer.MAX_VALUE;
    private volatile CountDownLatch together = new CountDownLatch(0);
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

    /** From now on, messages are read whole and not answered until {@link #release} (or {@link #close}). */
    public void fallSilent() {
        holdAfter(0);
    }

    /** Accepts {@code count} more messages, then holds each further one as {@link #fallSilent} does. */
    public void holdAfter(int count) {
        holdAfter = accepted.size() + count;
    }

    /** How many messages are being held unanswered now. */
    public int held() {
        return held.get();
    }

    /** Held messages are refused with 421 (their senders are gone by then), later ones accepted again. */
    public void release() {
        holdAfter = Integer.MAX_VALUE;
        CountDownLatch holding = released;
        released = new CountDownLatch(1);
        holding.countDown();
    }

    /**
     * The first {@code senders} messages wait, read whole and unanswered, until that many are in flight at once:
     * proof that as many senders are sending at the same moment.
     */
    public RefusingSmtpServer meetInFlight(int senders) {
        together = new CountDownLatch(senders);
        return this;
    }

    /** Whether the senders of {@link #meetInFlight} did meet, rather than give up waiting for each other. */
    public boolean met() {
        return together.getCount() == 0;
    }

    public int port() {
        return port;
    }

    /** Every accepted message's raw text, in order of acceptance. */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    /** How many client connections have sent mail (MAIL FROM) to it. */
    public int connections() {
        return connections.size();
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
        release();
        stop();
    }

    private final class Handler implements MessageHandler {

        Handler(MessageContext context) {
            connections.add(String.valueOf(context.getRemoteAddress()));
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
            CountDownLatch meeting = together;
            if (meeting.getCount() > 0) {
                meeting.countDown();
                await(meeting);
            }
            if (accepted.size() >= holdAfter) {
                held.incrementAndGet();
                try {
                    await(released);
                } finally {
                    held.decrementAndGet();
                }
                throw new RejectException(421, "4.3.0 held and let go");
            }
            accepted.add(message);
            return null;
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void done() {
        }
    }
}
