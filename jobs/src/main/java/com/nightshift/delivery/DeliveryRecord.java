package com.nightshift.delivery;

import java.time.OffsetDateTime;

/** One ledger row, as operators and the report job see it. */
public record DeliveryRecord(long id, String deliveryKey, int revision, Long recipientId, String email,
                             String subject, DeliveryState state, int attempts, String lastReply, String messageId,
                             String contentDigest, boolean resend, OffsetDateTime updatedAt) {
}
