package com.nightshift.config;

/** A server the engine needs (database, cache, mail) cannot be reached or started; retrying later may help. */
public class InfrastructureUnavailableException extends RuntimeException {

    public InfrastructureUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
