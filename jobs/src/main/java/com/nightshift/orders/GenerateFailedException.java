package com.nightshift.orders;

/** Generating synthetic orders failed; nothing was added to the table. */
public class GenerateFailedException extends RuntimeException {

    public GenerateFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
