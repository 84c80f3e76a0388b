package com.nightshift.ops;

/** A query parameter of a request (a filter of the history) has a value that cannot be used; the message says why. */
public class InvalidRequestParameterException extends IllegalArgumentException {

    private final String parameter;

    InvalidRequestParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
