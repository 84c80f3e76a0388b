package com.nightshift.rollup.cache;

import org.springframework.stereotype.Component;

/**
 * The Redis key layout of the rollup cache. One key per grain, store and business date:
 *
 * <pre>{@code
 * {keyPrefix}:{grain}:{store}:{yyyy-MM-dd}
 * nightshift:rollup:v1:store-product-daily:北京朝阳店:2026-11-03
 * }</pre>
 *
 * <ul>
 * <li>{@code keyPrefix} defaults to {@code nightshift:rollup:v1}; its version changes whenever the value
 *     format does, so that an engine never reads values written in another format.</li>
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
 * </ul>
 */
@Component
class RollupKeys {

    private final String prefix;

    RollupKeys(RollupCacheProperties properties) {
        this.prefix = properties.keyPrefix();
    }

    String keyOf(RollupDay day) {
        // LocalDate.toString() is ISO yyyy-MM-dd for every year a rollup can have.
        return prefix + ':' + day.grain().path() + ':' + day.store() + ':' + day.businessDate();
    }
}
