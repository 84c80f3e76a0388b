package com.nightshift.delivery;

/** No ledger row has this id. */
public class UnknownDeliveryException extends RuntimeException {

    UnknownDeliveryException(long id) {
        super("no delivery " + id);
    }
}
