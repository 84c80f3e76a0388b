package com.nightshift.rollup.cache;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The layered rollup cache (in-process memory, Redis, then the rollup tables) and its read API.
 *
 * @param keyPrefix      start of every Redis key; by default {@code nightshift:rollup:v1:} and the database's
 *                       identifier, unique per database (see {@link RollupKeys})
 * @param hotWindowDays  business days, ending yesterday, that every store keeps cached in Redis
 * @param hotTtl         lifetime of the Redis keys written for the hot window (refresh and warm-up)
 * @param readTtl        lifetime of the Redis keys written back by a read that had to ask the tables
 * @param memoryMaxRows  rollup rows kept in process memory (a store-day with no rows counts as one)
 * @param memoryTtl      lifetime of an in-process entry: how stale another instance's memory may be after a refresh
 * @param gzipThreshold  cached values larger than this are stored gzip-compressed
 * @param circuitOpenFor how long reads skip Redis after a Redis failure, and the longest pause between
 *                       reconnection attempts
 * @param maxRangeDays   the longest date range one API request may ask for
 */
@Validated
@ConfigurationProperties("nightshift.rollup.cache")
public record RollupCacheProperties(
        @Pattern(regexp = ".*\\S.*", message = "must not be blank") String keyPrefix,
        @DefaultValue("45") @Positive int hotWindowDays,
        @DefaultValue("48h") @NotNull Duration hotTtl,
        @DefaultValue("24h") @NotNull Duration readTtl,
        @DefaultValue("100000") @Positive long memoryMaxRows,
        @DefaultValue("60s") @NotNull Duration memoryTtl,
        @DefaultValue("1KB") @NotNull DataSize gzipThreshold,
        @DefaultValue("5s") @NotNull Duration circuitOpenFor,
        @DefaultValue("366") @Positive int maxRangeDays) {
}
