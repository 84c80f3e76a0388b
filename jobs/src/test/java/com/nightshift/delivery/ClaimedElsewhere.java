package com.nightshift.delivery;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A ledger row claimed by a sender of its own session, as {@link SenderSession} claims: while this is open the claim
 * is alive; closing it is what a sender killed between its claim and its record leaves behind.
 */
final class ClaimedElsewhere implements AutoCloseable {

    private final DataSource sessions;
    private final Connection session;
    private final int pid;

    ClaimedElsewhere(DataSource sessions, long deliveryId) throws SQLException {
        this.sessions = sessions;
        session = sessions.getConnection();
        try (PreparedStatement claim = session.prepareStatement("""
                UPDATE delivery SET state = 'SENDING', attempts = attempts + 1, claimer_pid = pg_backend_pid(),
                       claimer_started_at = (SELECT backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()),
                       claimer = 'another sender', claimed_at = now()
                WHERE id = ? AND state = 'PENDING'""")) {
            claim.setLong(1, deliveryId);
            if (claim.executeUpdate() != 1) {
                throw new IllegalStateException("delivery " + deliveryId + " is not PENDING");
            }
            pid = new JdbcTemplate(new SingleConnectionDataSource(session, true))
                    .queryForObject("SELECT pg_backend_pid()", Integer.class);
        } catch (SQLException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Ends the session, and waits until its server process has gone, as it has once a killed sender's has. */
    @Override
    public void close() throws SQLException {
        session.close();
        JdbcTemplate jdbc = new JdbcTemplate(sessions);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM pg_stat_activity WHERE pid = ?", Integer.class, pid) == 0);
    }
}
