package com.nightshift.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The delivery ledger and the mail it sends: each letter is recorded before it is sent, and a letter with the same
 * key, revision and address is handed to the SMTP server at most once, whatever re-runs, restarts and processes
 * running side by side do.
 */
@Component
public class Deliveries {

    /** Records letters to send; a letter whose key, revision and address are recorded already stays as it was. */
    public void plan(List<Letter> letters) {
        throw new UnsupportedOperationException("STUB: the delivery helper replaces this class");
    }

    /** Sends every letter of these keys that is due, exactly once; see {@link DeliveryCounts}. */
    public DeliveryCounts send(Collection<String> deliveryKeys, long jobExecutionId) {
        throw new UnsupportedOperationException("STUB: the delivery helper replaces this class");
    }

    /** The highest revision recorded for this key and address, whatever its state. */
    public Optional<DeliveryRecord> latest(String deliveryKey, String email) {
        throw new UnsupportedOperationException("STUB: the delivery helper replaces this class");
    }

    /** Sends one letter again on purpose, recorded as a resend by {@code requestedBy}. */
    public DeliveryRecord resend(long deliveryId, String requestedBy) {
        throw new UnsupportedOperationException("STUB: the delivery helper replaces this class");
    }

    /** Sends every FAILED letter of a key again on purpose; returns how many were delivered. */
    public int resendFailed(String deliveryKey, String requestedBy) {
        throw new UnsupportedOperationException("STUB: the delivery helper replaces this class");
    }

    /** Newest first; null state or prefix for any. */
    public List<DeliveryRecord> list(DeliveryState state, String deliveryKeyPrefix, int limit) {
        throw new UnsupportedOperationException("STUB: the delivery helper replaces this class");
    }
}
