package com.nightshift.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.stereotype.Component;

/**
 * The delivery ledger and the mail it sends: each letter is recorded before it is sent, and a letter with the same
 * key, revision and address is handed to the SMTP server at most once, whatever re-runs, restarts and processes
 * running side by side do. See the README's "Delivery, exactly once".
 */
@Component
public class Deliveries {

    private final Ledger ledger;
    private final LetterSender sender;

    @Autowired
    Deliveries(DataSource dataSource, DataSourceProperties connection, DeliveryProperties properties,
            ObjectProvider<MailProperties> mail) {
        this(dataSource, SenderSession.unpooled(connection), properties,
                () -> new MailServer(mail.getIfAvailable(MailProperties::new), properties.fromAddress()),
                SendHooks.NONE);
    }

    /**
     * @param sessions each sending holds one connection of these for its whole run: they must not be pooled, so that
     *                 a connection's session ends with the sending that held it
     */
    Deliveries(DataSource dataSource, DataSource sessions, DeliveryProperties properties,
            Supplier<MailServer> mailServer, SendHooks hooks) {
        this.ledger = new Ledger(dataSource, properties.messageIdDomain());
        this.sender = new LetterSender(sessions, mailServer, properties, hooks);
    }

    /** Records letters to send; a letter whose key, revision and address are recorded already stays as it was. */
    public void plan(List<Letter> letters) {
        ledger.plan(letters);
    }

    /** Sends every letter of these keys that is due, exactly once; see {@link DeliveryCounts}. */
    public DeliveryCounts send(Collection<String> deliveryKeys, long jobExecutionId) {
        LetterSender.Outcomes outcomes = sender.send(LedgerScope.keys(deliveryKeys), jobExecutionId);
        int alreadyDelivered = 0;
        int uncertain = 0;
        int inFlightElsewhere = 0;
        for (Map.Entry<Long, DeliveryState> letter : ledger.currentStates(deliveryKeys).entrySet()) {
            switch (letter.getValue()) {
                case DELIVERED -> alreadyDelivered += outcomes.delivered().contains(letter.getKey()) ? 0 : 1;
                case UNCERTAIN -> uncertain++;
                case SENDING -> inFlightElsewhere++;
                default -> {
                    // FAILED before this call, or PENDING/RETRYING left by a stopped sending: in no count
                }
            }
        }
        return new DeliveryCounts(outcomes.delivered().size(), outcomes.failed().size(), alreadyDelivered, uncertain,
                inFlightElsewhere);
    }

    /** The newest row of the highest revision recorded for this key and address (a resend counts), whatever its state. */
    public Optional<DeliveryRecord> latest(String deliveryKey, String email) {
        return ledger.latest(deliveryKey, email);
    }

    /** The newest row of this key and address that the SMTP server accepted, if any. */
    public Optional<DeliveryRecord> latestDelivered(String deliveryKey, String email) {
        return ledger.latestDelivered(deliveryKey, email);
    }

    /**
     * Sends one letter again on purpose, as a new ledger row (with its own Message-ID) recorded as a resend by
     * {@code requestedBy}; returns that row.
     *
     * @throws UnknownDeliveryException        no such row
     * @throws DeliveryNotResendableException the letter is still PENDING, SENDING or RETRYING
     */
    public DeliveryRecord resend(long deliveryId, String requestedBy) {
        long resend = ledger.addResend(deliveryId, requestedBy);
        sender.send(LedgerScope.ids(List.of(resend)), null);
        return ledger.find(resend).orElseThrow();
    }

    /** Sends every FAILED letter of a key again on purpose; returns how many were delivered. */
    public int resendFailed(String deliveryKey, String requestedBy) {
        List<Long> resends = ledger.addResendsOfFailed(deliveryKey, requestedBy);
        return resends.isEmpty() ? 0 : sender.send(LedgerScope.ids(resends), null).delivered().size();
    }

    /**
     * Sends every FAILED letter of a period again on purpose (see {@link #listOfPeriod}); returns the resend rows as
     * they ended.
     */
    public List<DeliveryRecord> resendFailedOfPeriod(String period, String requestedBy) {
        List<Long> resends = new ArrayList<>();
        for (String key : ledger.keysOfPeriod(period)) {
            resends.addAll(ledger.addResendsOfFailed(key, requestedBy));
        }
        if (resends.isEmpty()) {
            return List.of();
        }
        sender.send(LedgerScope.ids(resends), null);
        return resends.stream().map(id -> ledger.find(id).orElseThrow()).toList();
    }

    /** Newest first; null state or prefix for any. */
    public List<DeliveryRecord> list(DeliveryState state, String deliveryKeyPrefix, int limit) {
        return deliveryKeyPrefix == null ? ledger.list(state, null, List.of(), limit)
                : ledger.list(state, "delivery_key LIKE ?", List.of(escapeLike(deliveryKeyPrefix) + "%"), limit);
    }

    /**
     * Newest first; null state or period for any. A period is a whole delivery key ({@code report:daily:2026-11-28})
     * or the part after its last colon ({@code 2026-11-28}, {@code 2026-W48}), which matches every key of it.
     */
    public List<DeliveryRecord> listOfPeriod(DeliveryState state, String period, int limit) {
        return period == null ? ledger.list(state, null, List.of(), limit)
                : ledger.list(state, Ledger.PERIOD, List.of(period, period), limit);
    }

    /**
     * How many ledger rows are in each state (every state present, resends counted as rows), of one period as
     * {@link #listOfPeriod} reads it, or of all for a null period.
     */
    public Map<DeliveryState, Long> countsByState(String period) {
        return ledger.countsByState(period);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
