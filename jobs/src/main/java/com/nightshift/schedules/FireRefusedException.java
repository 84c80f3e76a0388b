package com.nightshift.schedules;

/** A fire found its job already running with the same parameters, and was recorded as refused. */
public class FireRefusedException extends RuntimeException {

    public FireRefusedException(String message) {
        super(message);
    }
}
