package com.nightshift.ops;

/** The same job with the same parameters is running right now, here or on another instance. */
public class JobAlreadyRunningException extends RuntimeException {

    public JobAlreadyRunningException(String message) {
        super(message);
    }
}
