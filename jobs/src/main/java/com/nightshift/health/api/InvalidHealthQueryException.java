package com.nightshift.health.api;

/** A request parameter of the health API that cannot be used; the message names it and says why. */
class InvalidHealthQueryException extends RuntimeException {

    private final String parameter;

    InvalidHealthQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
