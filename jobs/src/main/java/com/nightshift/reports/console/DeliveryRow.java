package com.nightshift.reports.console;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import com.nightshift.delivery.DeliveryRecord;
import com.nightshift.delivery.DeliveryState;

/**
 * A ledger row as the deliveries page shows it.
 *
 * @param resendable whether a resend would be taken: not while the letter is still on its way (the ledger refuses
 *                   then, and says so); a button that is bound to be refused is not shown
 */
record DeliveryRow(long id, String key, String email, String subject, String state, int attempts, String lastReply,
                   String messageId, boolean resend, ZonedDateTime updated, boolean resendable) {

    private static final Set<DeliveryState> ON_ITS_WAY = Set.of(DeliveryState.PENDING, DeliveryState.SENDING,
            DeliveryState.RETRYING);

    static DeliveryRow of(DeliveryRecord record, ZoneId zone) {
        return new DeliveryRow(record.id(), record.deliveryKey(), record.email(), record.subject(),
                record.state().name(), record.attempts(), record.lastReply(), record.messageId(), record.resend(),
                record.updatedAt().atZoneSameInstant(zone), !ON_ITS_WAY.contains(record.state()));
    }
}
