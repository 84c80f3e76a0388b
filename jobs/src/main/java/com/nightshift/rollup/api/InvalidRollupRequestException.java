package com.nightshift.rollup.api;

/** A rollup API request with a missing or malformed parameter; answered with HTTP 400. */
class InvalidRollupRequestException extends RuntimeException {

    private final String parameter;

    InvalidRollupRequestException(String parameter, String problem) {
        super("'" + parameter + "' " + problem);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
