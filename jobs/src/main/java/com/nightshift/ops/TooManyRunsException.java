package com.nightshift.ops;

/** This instance takes no more runs now: it runs as many as it may, or it is shutting down. */
public class TooManyRunsException extends RuntimeException {

    TooManyRunsException(String message) {
        super(message);
    }
}
