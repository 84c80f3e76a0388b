package com.nightshift.ops;

/** This instance already runs as many background jobs as it is allowed to. */
class TooManyRunsException extends RuntimeException {

    TooManyRunsException(String message) {
        super(message);
    }
}
