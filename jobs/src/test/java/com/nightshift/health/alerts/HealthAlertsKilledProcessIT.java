package com.nightshift.health.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.nightshift.support.CliRun;
import com.nightshift.support.JarProcess;
import com.nightshift.support.Migrations;
import com.nightshift.support.TestMailServer;
import com.nightshift.support.TestServers;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A health run killed ({@code kill -9}) after its alerts were decided and before their letters went out: the next
 * run sends them, once.
 */
class HealthAlertsKilledProcessIT {

    private static final String ONCALL = "oncall@example.com";
    /** The condition: an index the changelog declares is gone, which {@code indexes.invalid} finds CRIT. */
    private static final String MISSING_INDEX = "idx_delivery_recipient";

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMailServer.greenMail();

    @TempDir
    Path workDir;

    @Test
    void alertsDecidedByAKilledRunAreSentOnceByTheNextRun() throws Exception {
        String url = TestServers.get().newDatabase("alerts_killed");
        assertThat(CliRun.of(arguments(url, "migrate")).exitCode()).isZero();
        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("DROP INDEX " + MISSING_INDEX);
            // the sender's claim of a letter stalls: the process dies after the decision, before any hand-over
            jdbc.execute("""
                    CREATE FUNCTION test_stall() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN IF NEW.state = 'SENDING' THEN PERFORM pg_sleep(600); END IF; RETURN NEW; END $$""");
            jdbc.execute("CREATE TRIGGER test_stall BEFORE UPDATE ON delivery FOR EACH ROW "
                    + "EXECUTE FUNCTION test_stall()");
            try (JarProcess health = JarProcess.start(workDir, arguments(url, "run", "health"))) {
                await().atMost(Duration.ofMinutes(2)).until(() -> stalled(jdbc));
                health.kill();
            }
            // a killed client's statement runs on until it next talks to the client; end it as an operator would
            jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND wait_event = 'PgSleep'");
            jdbc.execute("DROP TRIGGER test_stall ON delivery");
            assertThat(jdbc.queryForList("SELECT state FROM delivery", String.class)).containsOnly("PENDING");
            assertThat(MAIL.getReceivedMessages()).isEmpty();

            CliRun next = CliRun.of(arguments(url, "run", "health"));
            CliRun after = CliRun.of(arguments(url, "run", "health"));

            assertThat(next.exitCode()).as(next.err()).isZero();
            assertThat(after.exitCode()).as(after.err()).isZero();
            assertThat(Arrays.stream(MAIL.getReceivedMessages()).filter(this::alertsTheMissingIndex))
                    .as("letters to %s saying %s went CRIT", ONCALL, MISSING_INDEX).hasSize(1);
        }
    }

    private boolean alertsTheMissingIndex(MimeMessage message) {
        try {
            return message.getContent().toString().contains("indexes.invalid（索引）：由正常变为严重");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean stalled(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'",
                Long.class) > 0;
    }

    /** The command, on this database, with GreenMail as the mail server and one person on call. */
    private static String[] arguments(String url, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        TestServers.get().engineArguments(url).stream().filter(argument -> !argument.startsWith("--spring.mail.port="))
                .forEach(all::add);
        all.add("--spring.mail.port=" + MAIL.getSmtp().getPort());
        all.add("--nightshift.alerts.recipients=" + ONCALL);
        return all.toArray(String[]::new);
    }
}
