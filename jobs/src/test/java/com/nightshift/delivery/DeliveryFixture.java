package com.nightshift.delivery;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.jdbc.core.JdbcTemplate;

/** Letters, ledgers and senders for the delivery tests, on a database and an SMTP port of the test's choosing. */
final class DeliveryFixture {

    static final DeliveryProperties FAST = new DeliveryProperties("夜班报表 <reports@nightshift.example>", 3,
            Duration.ofMillis(20), Duration.ofMillis(80), 1);

    private final DataSource dataSource;
    private final DataSource sessions;
    private final Path files;
    /** Each test's own key, so that tests sharing the database never count each other's letters. */
    final String key = "report:daily:" + UUID.randomUUID();

    DeliveryFixture(DataSource dataSource, DataSource sessions, Path files) {
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.files = files;
    }

    Deliveries deliveries(int smtpPort) {
        return deliveries(() -> smtpPort, SendHooks.NONE);
    }

    Deliveries deliveries(IntSupplier smtpPort, SendHooks hooks) {
        return deliveries(smtpPort, hooks, FAST);
    }

    /** A ledger whose sending runs {@code senders} senders side by side. */
    Deliveries deliveriesWithSenders(int smtpPort, int senders) {
        return deliveries(() -> smtpPort, SendHooks.NONE, new DeliveryProperties(FAST.from(), FAST.maxAttempts(),
                FAST.initialBackoff(), FAST.maxBackoff(), senders));
    }

    private Deliveries deliveries(IntSupplier smtpPort, SendHooks hooks, DeliveryProperties properties) {
        return new Deliveries(dataSource, sessions, properties, () -> new MailServer(mail(smtpPort.getAsInt()),
                properties.fromAddress()), hooks);
    }

    private static MailProperties mail(int port) {
        MailProperties mail = new MailProperties();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        mail.getProperties().putAll(Map.of("mail.smtp.connectiontimeout", "2000", "mail.smtp.timeout", "2000",
                "mail.smtp.writetimeout", "2000"));
        return mail;
    }

    /** A letter to {@code email} with a PDF and an XLSX whose names are Chinese. */
    Letter letter(String email, String name) {
        String local = email.substring(0, email.indexOf('@'));
        return new Letter(key, 0, null, email, name, "北京朝阳店 日报 2026-11-28 · " + local,
                "您好 " + name + "，\n附件是北京朝阳店 2026-11-28 的日报。", List.of(
                        new Attachment("北京朝阳店-日报-2026-11-28.pdf", "application/pdf",
                                file(local + ".pdf", "%PDF-1.7 " + local)),
                        new Attachment("北京朝阳店-日报-2026-11-28.xlsx",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                file(local + ".xlsx", "PK " + local))),
                "digest-" + local);
    }

    List<Letter> letters(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> letter("manager" + i + "@example.com", "店长" + i)).toList();
    }

    private Path file(String name, String content) {
        try {
            return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key's rows as the table holds them, by address. */
    List<Map<String, Object>> rows() {
        return new JdbcTemplate(dataSource).queryForList("SELECT * FROM delivery WHERE delivery_key = ? ORDER BY id",
                key);
    }

    /**
     * Waits until the server processes of the key's claimers have exited: a closed session's process ends a moment
     * after its client has gone, as a killed sender's does.
     */
    void awaitDeadClaimers() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM delivery d"
                + " WHERE delivery_key = ? AND state = 'SENDING' AND " + SenderSession.CLAIMER_ALIVE, Integer.class,
                key) == 0);
    }

    Map<String, Object> row(String email) {
        return rows().stream().filter(row -> row.get("email").equals(email) && row.get("resend_of") == null)
                .findFirst().orElseThrow();
    }
}
