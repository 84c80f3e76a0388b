package com.nightshift.delivery.api;

/** A request parameter of the deliveries API that cannot be used; the message names it and says why. */
class InvalidDeliveryQueryException extends RuntimeException {

    private final String parameter;

    InvalidDeliveryQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
