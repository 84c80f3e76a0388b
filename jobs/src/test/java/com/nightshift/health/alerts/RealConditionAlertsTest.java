package com.nightshift.health.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.nightshift.support.CliRun;
import com.nightshift.support.Migrations;
import com.nightshift.support.TestMailServer;
import com.nightshift.support.TestServers;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The whole path with the engine's own checks and a condition made for real: an index the changelog declares
 * dropped is one alert; the next run with the index still missing tells nobody again; the index made again, the
 * run after is one recovery. Other checks may change state between the runs on a shared
 * machine, so only the letters' parts about {@code indexes.invalid} are counted.
 */
class RealConditionAlertsTest {

    private static final String ONCALL = "oncall@example.com";
    private static final String ALERTED = "indexes.invalid（索引）：由正常变为严重";
    private static final String RECOVERED = "已恢复　indexes.invalid（索引）：由严重恢复为正常";

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMailServer.greenMail();

    @Test
    void aMissingIndexIsAlertedOnceNotRepeatedAndItsRepairIsOneRecovery() throws Exception {
        String url = TestServers.get().newDatabase("alerts_real_condition");
        Migrations.apply(url);
        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            JdbcTemplate owner = new JdbcTemplate(dataSource);
            // not an index made invalid: the engine's start rebuilds those (migrate-on-start), not a missing one
            owner.execute("DROP INDEX idx_delivery_recipient");

            runHealth(url);
            assertThat(lettersSaying(ALERTED)).as("alerts after the first run").hasSize(1);

            runHealth(url);
            assertThat(lettersSaying(ALERTED)).as("alerts after a second run with the index still missing")
                    .hasSize(1);
            assertThat(lettersSaying(RECOVERED)).isEmpty();

            owner.execute("CREATE INDEX idx_delivery_recipient ON delivery (recipient_id)");
            runHealth(url);
            assertThat(lettersSaying(RECOVERED)).as("recoveries after the index was made again").hasSize(1);
            assertThat(lettersSaying(ALERTED)).hasSize(1);
        }
    }

    private static void runHealth(String url) {
        List<String> arguments = new ArrayList<>(List.of("run", "health"));
        TestServers.get().engineArguments(url).stream()
                .filter(argument -> !argument.startsWith("--spring.mail.port=")).forEach(arguments::add);
        arguments.add("--spring.mail.port=" + MAIL.getSmtp().getPort());
        arguments.add("--nightshift.alerts.recipients=" + ONCALL);
        CliRun run = CliRun.of(arguments.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static List<MimeMessage> lettersSaying(String text) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> body(message).contains(text)).toList();
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
