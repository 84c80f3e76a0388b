package com.nightshift.rollup.cache;

/**
 * Redis could not be used (down, unreachable, timing out), or is being skipped after such a failure.
 * The rollup tables still answer; retrying later helps.
 */
class RedisUnavailableException extends RuntimeException {

    RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    RedisUnavailableException(String message) {
        super(message);
    }
}
