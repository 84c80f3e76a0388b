package com.nightshift.reports.api;

/** A parameter of the archive's listing is out of range. */
class InvalidArchiveQueryException extends RuntimeException {

    InvalidArchiveQueryException(String message) {
        super(message);
    }
}
