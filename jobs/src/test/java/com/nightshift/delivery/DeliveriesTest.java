package com.nightshift.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.nightshift.support.FreePorts;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RefusingSmtpServer;
import com.nightshift.support.TestMailServer;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

class DeliveriesTest extends IntegrationTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMailServer.greenMail();

    @TempDir
    Path files;
    @Autowired
    DataSource dataSource;
    @Autowired
    DataSourceProperties connection;

    private DeliveryFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new DeliveryFixture(dataSource, SenderSession.unpooled(connection), files);
    }

    @Test
    void eachLetterIsDeliveredOnceWithItsMessageIdSubjectBodyAndAttachments() throws Exception {
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());
        deliveries.plan(fixture.letters(3));

        DeliveryCounts counts = deliveries.send(List.of(fixture.key), 7);

        assertThat(counts).isEqualTo(new DeliveryCounts(3, 0, 0, 0, 0));
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(3);
        Map<String, Object> row = fixture.row("manager2@example.com");
        MimeMessage message = Arrays.stream(received)
                .filter(m -> messageId(m).equals(row.get("message_id"))).findFirst().orElseThrow();
        assertThat(message.getSubject()).isEqualTo("北京朝阳店 日报 2026-11-28 · manager2");
        assertThat(message.getFrom()[0].toString()).contains("reports@nightshift.example");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("您好 店长2，\n附件是北京朝阳店 2026-11-28 的日报。");
        BodyPart pdf = parts.getBodyPart(1);
        assertThat(pdf.getFileName()).isEqualTo("北京朝阳店-日报-2026-11-28.pdf");
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(new String(pdf.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("%PDF-1.7 manager2");
        assertThat(parts.getBodyPart(2).getFileName()).isEqualTo("北京朝阳店-日报-2026-11-28.xlsx");
        assertThat(row).containsEntry("state", "DELIVERED").containsEntry("attempts", 1)
                .containsEntry("job_execution_id", 7L);
        assertThat((String) row.get("last_reply")).startsWith("250");
    }

    @Test
    void attachmentNamesGoOutAsRfc2231Parameters() throws Exception {
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());
        deliveries.plan(fixture.letters(1));

        deliveries.send(List.of(fixture.key), 1);

        assertThat(new String(toBytes(MAIL.getReceivedMessages()[0]), StandardCharsets.US_ASCII))
                .contains("filename*=UTF-8''%E5%8C%97%E4%BA%AC%E6%9C%9D%E9%98%B3%E5%BA%97");
    }

    @Test
    void theMessageIdIsRecordedWhenPlannedBeforeAnythingIsSent() {
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());

        deliveries.plan(fixture.letters(2));

        assertThat(fixture.rows()).allSatisfy(row -> {
            assertThat(row).containsEntry("state", "PENDING");
            assertThat((String) row.get("message_id"))
                    .matches("<" + row.get("id") + "\\.0\\.[0-9a-f]{12}@nightshift\\.example>");
        });
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void planningTheSameLettersAgainChangesNothing() {
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());
        deliveries.plan(fixture.letters(2));
        List<Map<String, Object>> before = fixture.rows();

        deliveries.plan(fixture.letters(2));

        assertThat(fixture.rows()).isEqualTo(before);
    }

    @Test
    void aRerunSendsNothingAgain() {
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());
        deliveries.plan(fixture.letters(3));
        deliveries.send(List.of(fixture.key), 1);

        deliveries.plan(fixture.letters(3));
        DeliveryCounts again = deliveries.send(List.of(fixture.key), 2);

        assertThat(again).isEqualTo(new DeliveryCounts(0, 0, 3, 0, 0));
        assertThat(MAIL.getReceivedMessages()).hasSize(3);
    }

    @Test
    void severalSendersSideBySideDeliverEachLetterOnce() {
        Deliveries deliveries = fixture.deliveriesWithSenders(MAIL.getSmtp().getPort(), 4);
        deliveries.plan(fixture.letters(20));

        DeliveryCounts counts = deliveries.send(List.of(fixture.key), 1);

        assertThat(counts).isEqualTo(new DeliveryCounts(20, 0, 0, 0, 0));
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(DeliveriesTest::messageId).distinct())
                .hasSize(20);
        assertThat(MAIL.getReceivedMessages()).hasSize(20);
    }

    @Test
    void oneConnectionCarriesAllTheLettersOfASending() {
        try (RefusingSmtpServer server = new RefusingSmtpServer()) {
            Deliveries deliveries = fixture.deliveries(server.port());
            deliveries.plan(fixture.letters(4));

            deliveries.send(List.of(fixture.key), 1);

            assertThat(server.accepted()).hasSize(4);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aRefusalEndsItsConnectionAndTheNextLetterConnectsAgain() {
        try (RefusingSmtpServer server = new RefusingSmtpServer("manager2@example.com")) {
            Deliveries deliveries = fixture.deliveries(server.port());
            deliveries.plan(fixture.letters(4));

            deliveries.send(List.of(fixture.key), 1);

            assertThat(server.accepted()).hasSize(3);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void aRejectedAddressIsFailedWithTheServersAnswerWhileTheOthersAreDelivered() {
        try (RefusingSmtpServer server = new RefusingSmtpServer("manager2@example.com")) {
            Deliveries deliveries = fixture.deliveries(server.port());
            deliveries.plan(fixture.letters(3));

            DeliveryCounts counts = deliveries.send(List.of(fixture.key), 1);

            assertThat(counts).isEqualTo(new DeliveryCounts(2, 1, 0, 0, 0));
            assertThat(fixture.row("manager2@example.com")).containsEntry("state", "FAILED")
                    .containsEntry("attempts", 1).containsEntry("last_reply",
                            "550 5.1.1 <manager2@example.com>: Recipient address rejected: no such user");
            assertThat(server.accepted()).hasSize(2).noneMatch(m -> m.contains("manager2@example.com"));
        }
    }

    @Test
    void aLetterAnsweredWith451TwiceIsDeliveredOnTheThirdAttempt() {
        try (RefusingSmtpServer server = new RefusingSmtpServer().failTransiently(2)) {
            Deliveries deliveries = fixture.deliveries(server.port());
            deliveries.plan(fixture.letters(1));

            DeliveryCounts counts = deliveries.send(List.of(fixture.key), 1);

            assertThat(counts.delivered()).isEqualTo(1);
            assertThat(fixture.row("manager1@example.com")).containsEntry("state", "DELIVERED")
                    .containsEntry("attempts", 3);
            assertThat(server.accepted()).hasSize(1);
        }
    }

    @Test
    void withTheServerDownALetterIsRetriedThenFailedAndSentOnceTheOperatorResends() {
        int down = FreePorts.unused();
        int[] port = {down};
        List<String> repliesBeforeRetries = new ArrayList<>();
        Deliveries deliveries = fixture.deliveries(() -> port[0], new SendHooks() {
            @Override
            public void beforeHandOver(OutgoingLetter letter) {
                if (letter.attempt() > 1) {
                    Map<String, Object> row = fixture.row(letter.email());
                    repliesBeforeRetries.add(row.get("attempts") + " " + row.get("last_reply"));
                }
            }
        });
        deliveries.plan(fixture.letters(1));

        DeliveryCounts counts = deliveries.send(List.of(fixture.key), 1);

        assertThat(counts).isEqualTo(new DeliveryCounts(0, 1, 0, 0, 0));
        // between attempts the ledger held the refusal (the row was RETRYING: a claim shows its new attempt)
        assertThat(repliesBeforeRetries).hasSize(2).allMatch(reply -> reply.contains("Connection refused"));
        Map<String, Object> failed = fixture.row("manager1@example.com");
        assertThat(failed).containsEntry("state", "FAILED").containsEntry("attempts", 3);
        assertThat((String) failed.get("last_reply")).startsWith("gave up after 3 attempts: ")
                .contains("Connection refused");

        port[0] = MAIL.getSmtp().getPort();
        assertThat(deliveries.resendFailed(fixture.key, "operator")).isEqualTo(1);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aMessageTheServerNeverAnswersIsUncertainAndNotRetried() {
        try (RefusingSmtpServer server = new RefusingSmtpServer()) {
            server.fallSilent();
            Deliveries deliveries = fixture.deliveries(server.port());
            deliveries.plan(fixture.letters(1));

            DeliveryCounts counts = deliveries.send(List.of(fixture.key), 1);

            assertThat(counts).isEqualTo(new DeliveryCounts(0, 0, 0, 1, 0));
            Map<String, Object> row = fixture.row("manager1@example.com");
            assertThat(row).containsEntry("state", "UNCERTAIN").containsEntry("attempts", 1);
            assertThat((String) row.get("last_reply")).startsWith("no answer after the whole message was sent");
        }
    }

    @Test
    void aMissingAttachmentFailsItsLetterAndNoOther() throws Exception {
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());
        deliveries.plan(fixture.letters(2));
        java.nio.file.Files.delete(files.resolve("manager1.pdf"));

        DeliveryCounts counts = deliveries.send(List.of(fixture.key), 1);

        assertThat(counts).isEqualTo(new DeliveryCounts(1, 1, 0, 0, 0));
        assertThat((String) fixture.row("manager1@example.com").get("last_reply"))
                .contains("北京朝阳店-日报-2026-11-28.pdf cannot be read from " + files.resolve("manager1.pdf"));
    }

    @Test
    void aResendSendsExactlyThatLetterAgainAndRecordsWhoAskedForIt() {
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());
        deliveries.plan(fixture.letters(3));
        deliveries.send(List.of(fixture.key), 1);
        long original = ((Number) fixture.row("manager2@example.com").get("id")).longValue();

        DeliveryRecord resend = deliveries.resend(original, "张运维");

        assertThat(resend.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(resend.resend()).isTrue();
        assertThat(resend.email()).isEqualTo("manager2@example.com");
        assertThat(MAIL.getReceivedMessages()).hasSize(4)
                .filteredOn(m -> messageId(m).equals(resend.messageId())).hasSize(1);
        Map<String, Object> row = fixture.rows().stream().filter(r -> r.get("id").equals(resend.id())).findFirst()
                .orElseThrow();
        assertThat(row).containsEntry("resend_of", original).containsEntry("requested_by", "张运维");
        assertThat(deliveries.latest(fixture.key, "MANAGER2@example.com")).contains(resend);
    }

    @Test
    void aLetterStillPendingIsNotResent() {
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());
        deliveries.plan(fixture.letters(1));
        long id = ((Number) fixture.row("manager1@example.com").get("id")).longValue();

        assertThatThrownBy(() -> deliveries.resend(id, "operator")).isInstanceOf(DeliveryNotResendableException.class)
                .hasMessage("delivery " + id + " cannot be resent while it is still being sent (" + id
                        + " is PENDING)");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnknownDeliveryIsNotResent() {
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());

        assertThatThrownBy(() -> deliveries.resend(-1, "operator")).isInstanceOf(UnknownDeliveryException.class)
                .hasMessage("no delivery -1");
    }

    @Test
    void resendingTheFailedLettersOfAKeySendsOnlyThose() {
        try (RefusingSmtpServer server = new RefusingSmtpServer("manager1@example.com", "manager3@example.com")) {
            Deliveries refusing = fixture.deliveries(server.port());
            refusing.plan(fixture.letters(3));
            refusing.send(List.of(fixture.key), 1);
        }
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());

        int delivered = deliveries.resendFailed(fixture.key, "operator");

        assertThat(delivered).isEqualTo(2);
        assertThat(MAIL.getReceivedMessages()).extracting(m -> ((InternetAddress) m.getAllRecipients()[0]).getAddress())
                .containsExactlyInAnyOrder("manager1@example.com", "manager3@example.com");
        assertThat(deliveries.resendFailed(fixture.key, "operator")).isZero();
    }

    @Test
    void listsTheRowsOfAKeyPrefixInAStateNewestFirst() {
        try (RefusingSmtpServer server = new RefusingSmtpServer("manager1@example.com", "manager3@example.com")) {
            Deliveries deliveries = fixture.deliveries(server.port());
            deliveries.plan(fixture.letters(3));
            deliveries.send(List.of(fixture.key), 1);

            List<DeliveryRecord> failed = deliveries.list(DeliveryState.FAILED, fixture.key.substring(0, 20), 10);

            assertThat(failed).extracting(DeliveryRecord::email)
                    .containsExactly("manager3@example.com", "manager1@example.com");
            assertThat(deliveries.list(null, fixture.key, 1)).extracting(DeliveryRecord::email)
                    .containsExactly("manager3@example.com");
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] toBytes(MimeMessage message) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
