package com.nightshift.ops;

/**
 * A restart was asked of an execution that cannot be resumed: it is running, completed or abandoned, or a later
 * execution of its run exists (the message names it).
 */
public class JobNotRestartableException extends RuntimeException {

    JobNotRestartableException(String message) {
        super(message);
    }
}
