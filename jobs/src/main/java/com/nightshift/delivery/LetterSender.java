package com.nightshift.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Works through the due letters of a scope: claim one (committed), hand it to the SMTP server, record the answer at
 * once; wait out the backoff of letters that failed for now; stop when nothing of the scope is left to send.
 */
final class LetterSender {

    private static final Logger log = LoggerFactory.getLogger(LetterSender.class);
    /** When a due letter could not be claimed (another sender's claim was committing), look again this soon. */
    private static final Duration CONTENDED = Duration.ofMillis(20);

    private final DataSource sessions;
    private final Supplier<MailServer> mailServer;
    private final DeliveryProperties properties;
    private final SendHooks hooks;

    LetterSender(DataSource sessions, Supplier<MailServer> mailServer, DeliveryProperties properties, SendHooks hooks) {
        this.sessions = sessions;
        this.mailServer = mailServer;
        this.properties = properties;
        this.hooks = hooks;
    }

    /** What this sending did, by ledger row id. */
    record Outcomes(Set<Long> delivered, Set<Long> failed, Set<Long> uncertain) {
    }

    /**
     * Sends with {@code nightshift.delivery.senders} senders side by side, which claim letters from each other as
     * senders in different processes do.
     */
    Outcomes send(LedgerScope scope, Long jobExecutionId) {
        if (properties.senders() == 1) {
            return sendAlone(scope, jobExecutionId);
        }
        ExecutorService senders = Executors.newFixedThreadPool(properties.senders(), new CustomizableThreadFactory(
                Thread.currentThread().getName() + "-sender-"));
        try {
            List<Future<Outcomes>> running = new ArrayList<>();
            for (int i = 0; i < properties.senders(); i++) {
                running.add(senders.submit(() -> sendAlone(scope, jobExecutionId)));
            }
            Outcomes outcomes = new Outcomes(new HashSet<>(), new HashSet<>(), new HashSet<>());
            for (Future<Outcomes> sender : running) {
                Outcomes one = sender.get();
                outcomes.delivered().addAll(one.delivered());
                outcomes.failed().addAll(one.failed());
                outcomes.uncertain().addAll(one.uncertain());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending letters", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("a sender failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            // a sender still at work when another failed is interrupted between letters, never inside a hand-over
            senders.shutdownNow();
        }
    }

    private Outcomes sendAlone(LedgerScope scope, Long jobExecutionId) {
        Outcomes outcomes = new Outcomes(new HashSet<>(), new HashSet<>(), new HashSet<>());
        MailServer server = mailServer.get();
        try (SenderSession session = SenderSession.open(sessions); SmtpConnection smtp = server.open()) {
            settle(session, scope);
            while (!Thread.currentThread().isInterrupted()) {
                Optional<OutgoingLetter> claimed = session.claimNext(scope, jobExecutionId);
                if (claimed.isPresent()) {
                    handOver(session, smtp, claimed.get(), outcomes);
                } else {
                    Optional<Duration> wait = session.untilNextDue(scope);
                    if (wait.isEmpty()) {
                        break;
                    }
                    pause(wait.get());
                }
            }
            // a claimer that died while this one was sending left its letter SENDING
            settle(session, scope);
        }
        return outcomes;
    }

    private void handOver(SenderSession session, SmtpConnection smtp, OutgoingLetter letter, Outcomes outcomes) {
        hooks.beforeHandOver(letter);
        SmtpOutcome outcome = smtp.send(letter);
        hooks.afterAnswer(letter, outcome);
        switch (outcome.kind()) {
            case ACCEPTED -> {
                session.delivered(letter, outcome.reply());
                outcomes.delivered().add(letter.id());
            }
            case PERMANENT -> {
                session.failed(letter, outcome.reply());
                outcomes.failed().add(letter.id());
                log.warn("Delivery {} to {} refused for good: {}", letter.id(), letter.email(), outcome.reply());
            }
            case UNKNOWN -> {
                session.uncertain(letter, outcome.reply());
                outcomes.uncertain().add(letter.id());
                log.warn("Delivery {} to {} ({}) is uncertain: {}", letter.id(), letter.email(), letter.messageId(),
                        outcome.reply());
            }
            case TRANSIENT -> {
                if (letter.attempt() >= properties.maxAttempts()) {
                    session.failed(letter, "gave up after " + letter.attempt() + " attempts: " + outcome.reply());
                    outcomes.failed().add(letter.id());
                    log.warn("Delivery {} to {} failed {} times: {}", letter.id(), letter.email(), letter.attempt(),
                            outcome.reply());
                } else {
                    session.retryAfter(letter, outcome.reply(), properties.backoffAfter(letter.attempt()));
                }
            }
        }
    }

    private static void settle(SenderSession session, LedgerScope scope) {
        List<String> settled = session.settleDeadClaims(scope);
        if (!settled.isEmpty()) {
            log.warn("Letters being sent by a sender that is gone are UNCERTAIN and will not be sent again by"
                    + " themselves; resend each whose Message-ID the mail server's log does not show: {}", settled);
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(Math.max(wait.toMillis(), CONTENDED.toMillis()));
        } catch (InterruptedException e) {
            // stopped: the letters still waiting stay RETRYING for the next sending
            Thread.currentThread().interrupt();
        }
    }
}
