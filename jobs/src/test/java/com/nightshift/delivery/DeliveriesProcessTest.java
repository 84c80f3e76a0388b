package com.nightshift.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nightshift.support.DatabaseRoles;
import com.nightshift.support.RefusingSmtpServer;

/** Senders in processes of their own, as the application's role: killed with SIGKILL, and two at once. */
class DeliveriesProcessTest {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?m)^Message-ID: (<[^>]+>)");
    private static String jdbcUrl;

    @TempDir
    Path files;
    private DataSource application;
    private DeliveryFixture fixture;

    @BeforeAll
    static void database() {
        jdbcUrl = DatabaseRoles.urlFor(DatabaseRoles.APPLICATION,
                DatabaseRoles.leastPrivilegeDatabase("delivery_processes"));
    }

    @BeforeEach
    void fixture() {
        application = DatabaseRoles.as(DatabaseRoles.APPLICATION, jdbcUrl);
        fixture = new DeliveryFixture(application, application, files);
    }

    @Test
    void aSenderKilledWhileTheServerHoldsItsLetterLeavesItUncertainAndTheRerunSendsTheRestOnce() throws Exception {
        try (RefusingSmtpServer server = new RefusingSmtpServer()) {
            fixture.deliveries(server.port()).plan(fixture.letters(6));
            server.holdAfter(2);
            Process sender = SendingProcess.start(jdbcUrl, server.port(), fixture.key, files.resolve("sender.log"));
            await().atMost(Duration.ofSeconds(60)).until(() -> server.held() == 1);

            SendingProcess.kill(sender);
            fixture.awaitDeadClaimers();
            server.release();
            assertThat(states()).containsExactly("DELIVERED", "DELIVERED", "SENDING", "PENDING", "PENDING", "PENDING");

            DeliveryCounts rerun = fixture.deliveries(server.port()).send(List.of(fixture.key), 2);

            assertThat(rerun).isEqualTo(new DeliveryCounts(3, 0, 2, 1, 0));
            assertThat(messageIds(server)).hasSize(5).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
            assertThat(fixture.row("manager3@example.com")).containsEntry("state", "UNCERTAIN");
        }
    }

    @Test
    void twoSendingProcessesOfTheSameKeySendEachLetterOnce() throws Exception {
        try (RefusingSmtpServer server = new RefusingSmtpServer().meetInFlight(2)) {
            fixture.deliveries(server.port()).plan(fixture.letters(20));

            Process first = SendingProcess.start(jdbcUrl, server.port(), fixture.key, files.resolve("first.log"));
            Process second = SendingProcess.start(jdbcUrl, server.port(), fixture.key, files.resolve("second.log"));

            assertThat(first.waitFor(120, TimeUnit.SECONDS) && second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).as(Files.readString(files.resolve("first.log"))).isZero();
            assertThat(second.exitValue()).as(Files.readString(files.resolve("second.log"))).isZero();
            assertThat(server.met()).as("both processes had a letter in flight at once").isTrue();
            assertThat(messageIds(server)).hasSize(20).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
            assertThat(states()).containsOnly("DELIVERED");
        }
    }

    private List<String> states() {
        return fixture.rows().stream().map(row -> (String) row.get("state")).toList();
    }

    private static Map<String, Long> messageIds(RefusingSmtpServer server) {
        return server.accepted().stream().map(message -> {
            Matcher id = MESSAGE_ID.matcher(message);
            assertThat(id.find()).as("a Message-ID in " + message).isTrue();
            return id.group(1);
        }).collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    }
}
