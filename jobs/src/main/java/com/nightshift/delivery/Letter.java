package com.nightshift.delivery;

import java.util.List;

/**
 * One message to one person, as the ledger records it before anything is sent.
 *
 * @param deliveryKey   what it delivers, e.g. {@code report:store-day:2026-11-28}: with {@code revision} and the
 *                      address, the key that is sent at most once
 * @param revision      0 for the first message of its key to this address, then 1, 2, ... for corrections
 * @param recipientId   the registry row of the person, if they are in the registry
 * @param contentDigest what the message carries, so that a re-run can tell an unchanged message from a changed one
 */
public record Letter(String deliveryKey, int revision, Long recipientId, String email, String name,
                     String subject, String body, List<Attachment> attachments, String contentDigest) {

    public Letter {
        attachments = List.copyOf(attachments);
    }
}
