package com.nightshift.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger's rows outside of sending: recording letters, resends, and what operators and jobs read. */
final class Ledger {

    /** Whole key, or the part after its last colon ({@code 2026-11-28} of {@code report:daily:2026-11-28}). */
    static final String PERIOD = "(delivery_key = ? OR substring(delivery_key FROM '[^:]*$') = ?)";

    private static final String RECORD = """
            id, delivery_key, revision, recipient_id, email, subject, state, attempts, last_reply, message_id,
            content_digest, resend_of IS NOT NULL AS resend, updated_at""";
    /** Deterministic from the letter, plus the row id, which makes every row's ID unique, resends included. */
    private static final String MESSAGE_ID = """
            '<' || n.id || '.' || %1$s.revision || '.' || left(encode(sha256(convert_to(%1$s.delivery_key || chr(10)
            || %1$s.revision || chr(10) || lower(%1$s.email), 'UTF8')), 'hex'), 12) || '@' || ? || '>'""";
    private static final String NEXT_ID = "(SELECT nextval(pg_get_serial_sequence('delivery', 'id')) AS id) n";
    /** Each letter (a row that is no resend) with its newest row: itself, or its latest resend. */
    private static final String CURRENT = """
            delivery l CROSS JOIN LATERAL (SELECT r.id, r.state FROM delivery r WHERE r.id = l.id OR r.resend_of = l.id
                                           ORDER BY r.id DESC LIMIT 1) c""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String messageIdDomain;

    Ledger(DataSource dataSource, String messageIdDomain) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.messageIdDomain = messageIdDomain;
    }

    /** All or none of the letters are recorded; those recorded already are left as they are. */
    void plan(List<Letter> letters) {
        transactions.executeWithoutResult(status -> jdbc.batchUpdate("""
                INSERT INTO delivery (id, delivery_key, revision, recipient_id, email, name, subject, body, attachments,
                                      content_digest, message_id)
                SELECT n.id, l.delivery_key, l.revision, l.recipient_id, l.email, l.name, l.subject, l.body,
                       l.attachments::jsonb, l.content_digest, %s
                FROM (SELECT ?::text AS delivery_key, ?::integer AS revision, ?::bigint AS recipient_id,
                             ?::text AS email, ?::text AS name, ?::text AS subject, ?::text AS body,
                             ?::text AS attachments, ?::text AS content_digest) l, %s
                ON CONFLICT (delivery_key, revision, lower(email)) WHERE resend_of IS NULL DO NOTHING
                """.formatted(MESSAGE_ID.formatted("l"), NEXT_ID),
                letters.stream().map(letter -> new Object[] {messageIdDomain, letter.deliveryKey(), letter.revision(),
                        letter.recipientId(), letter.email(), letter.name(), letter.subject(), letter.body(),
                        AttachmentsJson.write(letter.attachments()), letter.contentDigest()})
                        .toList()));
    }

    Optional<DeliveryRecord> find(long id) {
        return jdbc.query("SELECT " + RECORD + " FROM delivery WHERE id = ?", Ledger::record, id).stream().findFirst();
    }

    Optional<DeliveryRecord> latest(String deliveryKey, String email) {
        return jdbc.query("SELECT " + RECORD + " FROM delivery WHERE delivery_key = ? AND lower(email) = lower(?)"
                + " ORDER BY revision DESC, id DESC LIMIT 1", Ledger::record, deliveryKey, email).stream().findFirst();
    }

    Optional<DeliveryRecord> latestDelivered(String deliveryKey, String email) {
        return jdbc.query("SELECT " + RECORD + " FROM delivery WHERE delivery_key = ? AND lower(email) = lower(?)"
                + " AND state = 'DELIVERED' ORDER BY revision DESC, id DESC LIMIT 1", Ledger::record, deliveryKey,
                email).stream().findFirst();
    }

    List<DeliveryRecord> list(DeliveryState state, String keyCondition, List<Object> keyValues, int limit) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + RECORD + " FROM delivery WHERE true");
        if (state != null) {
            sql.append(" AND state = ?");
            arguments.add(state.name());
        }
        if (keyCondition != null) {
            sql.append(" AND ").append(keyCondition);
            arguments.addAll(keyValues);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        arguments.add(limit);
        return jdbc.query(sql.toString(), Ledger::record, arguments.toArray());
    }

    /** How many rows are in each state, resends counted as rows of their own; a null period for all. */
    Map<DeliveryState, Long> countsByState(String period) {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (DeliveryState state : DeliveryState.values()) {
            counts.put(state, 0L);
        }
        jdbc.query("SELECT state, count(*) FROM delivery WHERE ?::text IS NULL OR " + PERIOD + " GROUP BY state",
                (RowCallbackHandler) row -> counts.put(DeliveryState.valueOf(row.getString(1)), row.getLong(2)),
                period, period, period);
        return counts;
    }

    List<String> keysOfPeriod(String period) {
        return jdbc.queryForList("SELECT DISTINCT delivery_key FROM delivery WHERE " + PERIOD + " ORDER BY 1",
                String.class, period, period);
    }

    /**
     * A new PENDING row that sends {@code id}'s letter again, with a Message-ID of its own. Refused while the letter
     * is still on its way (its row, or another resend of it, is PENDING, SENDING or RETRYING).
     */
    long addResend(long id, String requestedBy) {
        return transactions.execute(status -> {
            Long root = jdbc.query("SELECT coalesce(resend_of, id) FROM delivery WHERE id = ?",
                    (row, n) -> row.getLong(1), id).stream().findFirst()
                    .orElseThrow(() -> new UnknownDeliveryException(id));
            // one resend decision per letter at a time: later statements see what an earlier holder committed
            jdbc.query("SELECT id FROM delivery WHERE id = ? FOR UPDATE", (row, n) -> null, root);
            // a claim whose sender is gone is no letter on its way: it is settled here rather than refused
            jdbc.update("UPDATE delivery d SET state = 'UNCERTAIN', updated_at = now() WHERE (d.id = ? OR d.resend_of = ?)"
                    + " AND d.state = 'SENDING' AND NOT " + SenderSession.CLAIMER_ALIVE, root, root);
            List<Map<String, Object>> open = jdbc.queryForList("SELECT id, state FROM delivery"
                    + " WHERE (id = ? OR resend_of = ?) AND state IN ('PENDING', 'SENDING', 'RETRYING')", root, root);
            if (!open.isEmpty()) {
                throw new DeliveryNotResendableException(id, open.stream()
                        .map(row -> row.get("id") + " is " + row.get("state")).collect(Collectors.joining(", ")));
            }
            return insertResend(id, root, requestedBy);
        });
    }

    /** Resend rows for every letter of the key whose newest row is FAILED, in one transaction. */
    List<Long> addResendsOfFailed(String deliveryKey, String requestedBy) {
        return transactions.execute(status -> {
            jdbc.query("SELECT id FROM delivery WHERE delivery_key = ? AND resend_of IS NULL ORDER BY id FOR UPDATE",
                    (row, n) -> null, deliveryKey);
            List<long[]> failed = jdbc.query("SELECT c.id, l.id FROM " + CURRENT
                    + " WHERE l.delivery_key = ? AND l.resend_of IS NULL AND c.state = 'FAILED' ORDER BY l.id",
                    (row, n) -> new long[] {row.getLong(1), row.getLong(2)}, deliveryKey);
            return failed.stream().map(pair -> insertResend(pair[0], pair[1], requestedBy)).toList();
        });
    }

    private long insertResend(long id, long root, String requestedBy) {
        return jdbc.queryForObject("""
                INSERT INTO delivery (id, delivery_key, revision, recipient_id, email, name, subject, body, attachments,
                                      content_digest, message_id, resend_of, requested_by)
                SELECT n.id, o.delivery_key, o.revision, o.recipient_id, o.email, o.name, o.subject, o.body,
                       o.attachments, o.content_digest, %s, ?, ?
                FROM delivery o, %s WHERE o.id = ?
                RETURNING id""".formatted(MESSAGE_ID.formatted("o"), NEXT_ID),
                Long.class, messageIdDomain, root, requestedBy, id);
    }

    /** The state of each letter of the keys (its newest row's), by that row's id. */
    Map<Long, DeliveryState> currentStates(Collection<String> deliveryKeys) {
        return states("SELECT c.id, c.state FROM " + CURRENT + " WHERE l.delivery_key = ANY(?) AND l.resend_of IS NULL",
                deliveryKeys.toArray(String[]::new));
    }

    private Map<Long, DeliveryState> states(String sql, Object[] values) {
        Map<Long, DeliveryState> states = new HashMap<>();
        jdbc.query(sql, (RowCallbackHandler) row -> states.put(row.getLong(1), DeliveryState.valueOf(row.getString(2))),
                (Object) values);
        return states;
    }

    private static DeliveryRecord record(ResultSet row, int n) throws SQLException {
        return new DeliveryRecord(row.getLong("id"), row.getString("delivery_key"), row.getInt("revision"),
                row.getObject("recipient_id", Long.class), row.getString("email"), row.getString("subject"),
                DeliveryState.valueOf(row.getString("state")), row.getInt("attempts"), row.getString("last_reply"),
                row.getString("message_id"), row.getString("content_digest"), row.getBoolean("resend"),
                row.getObject("updated_at", OffsetDateTime.class));
    }
}
