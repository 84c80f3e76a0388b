package com.nightshift.delivery;

/**
 * What one {@code send} did.
 *
 * @param delivered         accepted by the SMTP server in this call
 * @param failed            rejected for good, or out of attempts, in this call
 * @param alreadyDelivered  delivered before this call, so not sent again
 * @param uncertain         left by a sender that died while handing them over (see {@link DeliveryState#UNCERTAIN})
 * @param inFlightElsewhere claimed by a live sender in another run, left to it
 */
public record DeliveryCounts(int delivered, int failed, int alreadyDelivered, int uncertain, int inFlightElsewhere) {
}
