package com.nightshift.delivery;

/** A resend asked for a letter that is still on its way: sending it again now could deliver it twice. */
public class DeliveryNotResendableException extends RuntimeException {

    DeliveryNotResendableException(long id, String why) {
        super("delivery " + id + " cannot be resent while it is still being sent (" + why + ")");
    }
}
