package com.nightshift.delivery;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The database session a sender holds for a whole {@code send}: each claim records this session's pid and start
 * time, so that "is the claimer alive" is answered by PostgreSQL (does that session still exist) rather than by a
 * timeout. A claimer killed at any moment loses its session with its process, and its claims are dead at once.
 * Every statement commits on its own: a claim is visible to other senders before the letter goes out, and an
 * outcome is recorded the moment the server has answered.
 */
final class SenderSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SenderSession.class);
    private static final String PROCESS = ManagementFactory.getRuntimeMXBean().getName();
    private static final String OUTGOING = "id, email, name, subject, body, attachments::text, message_id, attempts";
    /** A claim is alive while its session is; another role's session start is hidden, then its pid decides. */
    static final String CLAIMER_ALIVE = """
            EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = d.claimer_pid
                    AND (a.backend_start = d.claimer_started_at OR a.backend_start IS NULL))""";

    private final Connection connection;
    private final JdbcTemplate jdbc;
    private final int pid;
    private final OffsetDateTime startedAt;

    private SenderSession(Connection connection) {
        this.connection = connection;
        this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        this.pid = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
        this.startedAt = jdbc.queryForObject("SELECT backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()",
                OffsetDateTime.class);
    }

    /** Where senders get their sessions: one new, unpooled connection per sending, closed with it. */
    static DataSource unpooled(DataSourceProperties properties) {
        SimpleDriverDataSource dataSource = properties.initializeDataSourceBuilder()
                .type(SimpleDriverDataSource.class).build();
        Properties connectionProperties = new Properties();
        connectionProperties.setProperty("ApplicationName", "nightshift delivery");
        // A machine lost without closing its connection would keep its claims alive until the server's TCP
        // keepalives give up, two hours by default; these let the server notice within about a minute.
        connectionProperties.setProperty("tcpKeepAlive", "true");
        connectionProperties.setProperty("options",
                "-c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3");
        // a ledger update never waits for ever on a silent server
        connectionProperties.setProperty("socketTimeout", "60");
        dataSource.setConnectionProperties(connectionProperties);
        return dataSource;
    }

    static SenderSession open(DataSource sessions) {
        Connection connection = null;
        try {
            connection = sessions.getConnection();
            connection.setAutoCommit(true);
            return new SenderSession(connection);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot open the delivery ledger's session: " + e.getMessage(), e);
        }
    }

    /**
     * Rows of the scope left SENDING by a session that no longer exists: UNCERTAIN, never sent again by itself; returns their
     * Message-IDs.
     */
    List<String> settleDeadClaims(LedgerScope scope) {
        return jdbc.queryForList("UPDATE delivery d SET state = 'UNCERTAIN', updated_at = now() WHERE d."
                + scope.condition() + " AND d.state = 'SENDING' AND NOT " + CLAIMER_ALIVE + " RETURNING message_id",
                String.class, scope.values());
    }

    /** Claims the next due letter of the scope for this session, and commits the claim; empty when none is due. */
    Optional<OutgoingLetter> claimNext(LedgerScope scope, Long jobExecutionId) {
        List<OutgoingLetter> claimed = jdbc.query("""
                UPDATE delivery SET state = 'SENDING', attempts = attempts + 1, claimer_pid = ?,
                       claimer_started_at = ?, claimer = ?, claimed_at = now(), job_execution_id = ?, updated_at = now()
                WHERE id = (SELECT id FROM delivery WHERE %s AND state IN ('PENDING', 'RETRYING')
                            AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING %s""".formatted(scope.condition(), OUTGOING),
                (row, n) -> new OutgoingLetter(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), AttachmentsJson.read(row.getString(6)), row.getString(7), row.getInt(8)),
                pid, startedAt, PROCESS + " " + Thread.currentThread().getName(), jobExecutionId, scope.values());
        return claimed.stream().findFirst();
    }

    /** How long until the scope's next letter waiting to be sent is due (zero if one is due); empty if none waits. */
    Optional<Duration> untilNextDue(LedgerScope scope) {
        Long millis = jdbc.queryForObject("""
                SELECT ceil(extract(epoch FROM min(next_attempt_at) - clock_timestamp()) * 1000)::bigint
                FROM delivery WHERE %s AND state IN ('PENDING', 'RETRYING')""".formatted(scope.condition()),
                Long.class, scope.values());
        return Optional.ofNullable(millis).map(ms -> Duration.ofMillis(Math.max(0, ms)));
    }

    void delivered(OutgoingLetter letter, String reply) {
        record(letter, "state = 'DELIVERED', delivered_at = now()", reply);
    }

    void retryAfter(OutgoingLetter letter, String reply, Duration wait) {
        record(letter, "state = 'RETRYING', next_attempt_at = now() + " + wait.toMillis() + " * interval '1 ms'",
                reply);
    }

    void failed(OutgoingLetter letter, String reply) {
        record(letter, "state = 'FAILED'", reply);
    }

    void uncertain(OutgoingLetter letter, String reply) {
        record(letter, "state = 'UNCERTAIN'", reply);
    }

    private void record(OutgoingLetter letter, String change, String reply) {
        int updated = jdbc.update("UPDATE delivery SET " + change + ", last_reply = ?, updated_at = now()"
                + " WHERE id = ? AND state = 'SENDING' AND claimer_pid = ? AND claimer_started_at = ?",
                reply, letter.id(), pid, startedAt);
        if (updated != 1) {
            // only an operator's hand in the table can take a claimed row from its live claimer
            log.warn("Delivery {} was no longer claimed by this sender when its outcome came: {}", letter.id(), reply);
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing the delivery ledger's session failed; the server ends it when it notices: {}",
                    e.getMessage());
        }
    }
}
