package com.nightshift.ops;

import java.util.Collection;

/** An operator named a job that does not exist. */
public class UnknownJobException extends RuntimeException {

    public UnknownJobException(String name, Collection<String> known) {
        super("unknown job '" + name + "'; jobs: " + String.join(", ", known));
    }
}
