package com.nightshift.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.TestMailServer;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Senders that die at the worst moments, and senders that run at the same time. */
class DeliveriesCrashTest extends IntegrationTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMailServer.greenMail();

    @TempDir
    Path files;
    @Autowired
    DataSource dataSource;
    @Autowired
    DataSourceProperties connection;

    private DataSource sessions;
    private DeliveryFixture fixture;

    @BeforeEach
    void fixture() {
        sessions = SenderSession.unpooled(connection);
        fixture = new DeliveryFixture(dataSource, sessions, files);
    }

    @Test
    void aRerunAfterASenderDiedHalfwayDeliversTheRestAndDuplicatesNone() {
        AtomicInteger answered = new AtomicInteger();
        Deliveries dying = fixture.deliveries(MAIL.getSmtp()::getPort, new SendHooks() {
            @Override
            public void afterAnswer(OutgoingLetter letter, SmtpOutcome outcome) {
                // the worst moment: the server has taken the third letter, the ledger does not know
                if (answered.incrementAndGet() == 3) {
                    throw new Crash();
                }
            }
        });
        dying.plan(fixture.letters(6));
        assertThatThrownBy(() -> dying.send(List.of(fixture.key), 1)).isInstanceOf(Crash.class);
        fixture.awaitDeadClaimers();
        assertThat(states()).containsExactly("DELIVERED", "DELIVERED", "SENDING", "PENDING", "PENDING", "PENDING");

        DeliveryCounts rerun = fixture.deliveries(MAIL.getSmtp().getPort()).send(List.of(fixture.key), 2);

        assertThat(rerun).isEqualTo(new DeliveryCounts(3, 0, 2, 1, 0));
        assertThat(states()).containsExactly("DELIVERED", "DELIVERED", "UNCERTAIN", "DELIVERED", "DELIVERED",
                "DELIVERED");
        assertThat(receivedMessageIds()).hasSize(6).containsOnlyKeys(messageIds()).allSatisfy((id, n) ->
                assertThat(n).as(id).isEqualTo(1L));
    }

    @Test
    void aLetterWhoseSenderDiedBeforeHandingItOverIsUncertainAndSentOnlyOnPurpose() {
        AtomicInteger claimed = new AtomicInteger();
        Deliveries dying = fixture.deliveries(MAIL.getSmtp()::getPort, new SendHooks() {
            @Override
            public void beforeHandOver(OutgoingLetter letter) {
                if (claimed.incrementAndGet() == 2) {
                    throw new Crash();
                }
            }
        });
        dying.plan(fixture.letters(3));
        assertThatThrownBy(() -> dying.send(List.of(fixture.key), 1)).isInstanceOf(Crash.class);
        fixture.awaitDeadClaimers();
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());

        DeliveryCounts rerun = deliveries.send(List.of(fixture.key), 2);

        assertThat(rerun).isEqualTo(new DeliveryCounts(1, 0, 1, 1, 0));
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
        long uncertain = ((Number) fixture.row("manager2@example.com").get("id")).longValue();
        assertThat(deliveries.resend(uncertain, "operator").state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(MAIL.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aLetterLeftSendingByASessionThatIsGoneBecomesUncertainAndIsNotSent() throws Exception {
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());
        deliveries.plan(fixture.letters(2));
        new ClaimedElsewhere(sessions, id("manager1@example.com")).close();

        DeliveryCounts counts = deliveries.send(List.of(fixture.key), 1);

        assertThat(counts).isEqualTo(new DeliveryCounts(1, 0, 0, 1, 0));
        assertThat(fixture.row("manager1@example.com")).containsEntry("state", "UNCERTAIN");
        assertThat(MAIL.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                .noneMatch(to -> to.contains("manager1@"));
    }

    @Test
    void aLetterLeftSendingByASessionThatIsGoneCanBeResentAtOnce() throws Exception {
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());
        deliveries.plan(fixture.letters(1));
        long id = id("manager1@example.com");
        new ClaimedElsewhere(sessions, id).close();

        DeliveryRecord resend = deliveries.resend(id, "operator");

        assertThat(resend.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(fixture.row("manager1@example.com")).containsEntry("state", "UNCERTAIN");
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aLetterClaimedByASenderThatIsAliveIsNotResent() throws Exception {
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());
        deliveries.plan(fixture.letters(1));
        long id = id("manager1@example.com");
        try (ClaimedElsewhere alive = new ClaimedElsewhere(sessions, id)) {

            assertThatThrownBy(() -> deliveries.resend(id, "operator"))
                    .isInstanceOf(DeliveryNotResendableException.class).hasMessageContaining(id + " is SENDING");
        }
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aLetterClaimedByASenderThatIsAliveIsLeftToIt() throws Exception {
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());
        deliveries.plan(fixture.letters(2));
        try (ClaimedElsewhere alive = new ClaimedElsewhere(sessions, id("manager1@example.com"))) {

            DeliveryCounts counts = deliveries.send(List.of(fixture.key), 1);

            assertThat(counts).isEqualTo(new DeliveryCounts(1, 0, 0, 0, 1));
            assertThat(fixture.row("manager1@example.com")).containsEntry("state", "SENDING");
            assertThat(MAIL.getReceivedMessages()).hasSize(1);
        }
        assertThat(deliveries.send(List.of(fixture.key), 2)).isEqualTo(new DeliveryCounts(0, 0, 1, 1, 0));
    }

    @Test
    void twoSendersOfTheSameKeyAtOnceSendEachLetterOnce() {
        Deliveries first = fixture.deliveries(MAIL.getSmtp()::getPort, new BothClaimFirst());
        first.plan(fixture.letters(20));
        Deliveries second = fixture.deliveries(MAIL.getSmtp()::getPort, new BothClaimFirst());
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<DeliveryCounts> a = CompletableFuture.supplyAsync(() -> sendAfter(start, first, 1));
        CompletableFuture<DeliveryCounts> b = CompletableFuture.supplyAsync(() -> sendAfter(start, second, 2));

        DeliveryCounts countsA = a.join();
        DeliveryCounts countsB = b.join();
        assertThat(countsA.delivered()).isPositive();
        assertThat(countsB.delivered()).isPositive();
        assertThat(countsA.delivered() + countsB.delivered()).isEqualTo(20);
        assertThat(receivedMessageIds()).hasSize(20).containsOnlyKeys(messageIds()).allSatisfy((id, n) ->
                assertThat(n).as(id).isEqualTo(1L));
    }

    /** Each sender waits, with its first letter claimed, until the other has claimed one too: they truly overlap. */
    private static final class BothClaimFirst implements SendHooks {

        private static final CyclicBarrier BOTH = new CyclicBarrier(2);
        private final AtomicBoolean first = new AtomicBoolean(true);

        @Override
        public void beforeHandOver(OutgoingLetter letter) {
            if (first.getAndSet(false)) {
                try {
                    BOTH.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other sender never claimed a letter", e);
                }
            }
        }
    }

    private DeliveryCounts sendAfter(CyclicBarrier start, Deliveries deliveries, long execution) {
        try {
            start.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return deliveries.send(List.of(fixture.key), execution);
    }

    private long id(String email) {
        return ((Number) fixture.row(email).get("id")).longValue();
    }

    private List<String> states() {
        return fixture.rows().stream().map(row -> (String) row.get("state")).toList();
    }

    private List<String> messageIds() {
        return fixture.rows().stream().map(row -> (String) row.get("message_id")).toList();
    }

    private static Map<String, Long> receivedMessageIds() {
        return Arrays.stream(MAIL.getReceivedMessages()).collect(Collectors.groupingBy(DeliveriesCrashTest::messageId,
                Collectors.counting()));
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a kill -9 does to a sending thread, as far as the ledger and the SMTP server can tell. */
    private static final class Crash extends Error {
    }
}
