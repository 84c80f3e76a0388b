package com.nightshift.rollup.cache;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Redis key layout of the rollup cache. One key per grain, store and business date:
 *
 * <pre>{@code
 * {keyPrefix}:{grain}:{store}:{yyyy-MM-dd}
 * nightshift:rollup:v1:3f9c2a7d41b0:store-product-daily:北京朝阳店:2026-11-03
 * }</pre>
 *
 * <ul>
 * <li>{@code keyPrefix} defaults to {@code nightshift:rollup:v1:} followed by the database's identifier (table
 *     {@code nightshift_database}, created once by the changelog), so that two chains' databases sharing one
 *     Redis never read each other's keys, while every engine on one database shares the same keys. Its version
 *     changes whenever the value format does, so that an engine never reads values written in another format.
 *     A configured prefix is used as it is.</li>
 * <li>{@code grain} is {@link com.nightshift.rollup.RollupGrain#path()}: {@code store-daily},
 *     {@code store-product-daily} or {@code store-channel-daily}.</li>
 * <li>{@code store} is the store name exactly as in the tables (Chinese, emoji, any character), encoded
 *     as UTF-8: Redis keys are binary-safe. A name containing {@code :} cannot collide with another key,
 *     because the grain has no colon and the date has a fixed length at the end.</li>
 * <li>The value is that store-day's rows, ordered by the detail column (product or channel), as a JSON
 *     array written by {@link RollupCodec}; {@code []} when the store has no rows that day, so an empty day
 *     is not asked of the database again. Values larger than {@code gzipThreshold} (1 KiB) are stored
 *     gzip-compressed and then start with the gzip magic bytes {@code 1f 8b}; a JSON value starts with
 *     {@code [}.</li>
 * <li>Every key expires: {@code hotTtl} (48 h) for the hot window written by partition refreshes and warm-up,
 *     {@code readTtl} (24 h) for days written back by reads.</li>
 * <li>{@code {keyPrefix}:generation:{store}} counts the refreshes of a store's keys and never expires: whoever
 *     writes back rows read from the tables writes them only if it is unchanged since before that read.
 *     {@code {keyPrefix}:version:{store}} is the version (outbox note id) of the last commit whose rows
 *     replaced the store's keys, so that an older commit's refresh arriving later is refused.</li>
 * </ul>
 */
@Component
class RollupKeys {

    private static final String VERSIONED = "nightshift:rollup:v1";

    private final String prefix;

    RollupKeys(RollupCacheProperties properties, JdbcTemplate jdbc) {
        this.prefix = properties.keyPrefix() != null ? properties.keyPrefix()
                : VERSIONED + ':' + jdbc.queryForObject("SELECT id FROM nightshift_database", String.class);
    }

    String prefix() {
        return prefix;
    }

    String keyOf(RollupDay day) {
        // LocalDate.toString() is ISO yyyy-MM-dd for every year a rollup can have.
        return prefix + ':' + day.grain().path() + ':' + day.store() + ':' + day.businessDate();
    }

    String generationKeyOf(String store) {
        return prefix + ":generation:" + store;
    }

    String versionKeyOf(String store) {
        return prefix + ":version:" + store;
    }
}
