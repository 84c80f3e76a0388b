package com.nightshift.schedules.api;

/** A preview asked for fewer than one fire or more than the API gives. */
class InvalidPreviewCountException extends RuntimeException {

    InvalidPreviewCountException(int count, int most) {
        super("'count' must be between 1 and " + most + ", was " + count);
    }
}
