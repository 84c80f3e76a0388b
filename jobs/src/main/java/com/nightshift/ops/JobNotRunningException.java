package com.nightshift.ops;

/** A stop was asked of an execution that is not running. */
public class JobNotRunningException extends RuntimeException {

    JobNotRunningException(String message) {
        super(message);
    }
}
