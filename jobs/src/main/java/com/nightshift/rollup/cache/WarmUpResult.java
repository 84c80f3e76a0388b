package com.nightshift.rollup.cache;

import java.util.Optional;

/**
 * What {@link RollupCache#warmUp()} did.
 *
 * @param checked  hot-window keys whose presence was checked (stores x days x 3 grains); 0 if Redis failed first
 * @param written  missing keys written
 * @param repaired partitions of the repair list refreshed
 * @param failed   partitions still in the repair list, waiting for the next warm-up
 * @param failure  why the warm-up stopped early (Redis unavailable); empty when it completed
 */
public record WarmUpResult(int checked, int written, int repaired, int failed, Optional<String> failure) {

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
