package com.nightshift.ops;

/** An operator asked for a job execution that was never recorded. */
public class UnknownJobExecutionException extends RuntimeException {

    UnknownJobExecutionException(long id) {
        super("no job execution " + id);
    }
}
