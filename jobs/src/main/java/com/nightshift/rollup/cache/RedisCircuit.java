package com.nightshift.rollup.cache;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips Redis for a while after it failed, so that while it is down a request pays for one failed call
 * every {@code circuitOpenFor} instead of on every request. After that pause, calls go through again and the
 * first success finds the cache working.
 */
class RedisCircuit {

    private static final Logger log = LoggerFactory.getLogger(RedisCircuit.class);

    private final long openForNanos;
    private volatile long closesAtNanos;

    RedisCircuit(Duration openFor) {
        this.openForNanos = openFor.toNanos();
        this.closesAtNanos = System.nanoTime();
    }

    boolean allowsCalls() {
        return System.nanoTime() - closesAtNanos >= 0;
    }

    void recordFailure(RuntimeException failure) {
        // Logged once per opening, not once per request, so an outage does not flood the log.
        if (allowsCalls()) {
            log.warn("Redis failed; rollup reads skip it for {}: {}", Duration.ofNanos(openForNanos),
                    failure.getMessage());
        }
        closesAtNanos = System.nanoTime() + openForNanos;
    }
}
