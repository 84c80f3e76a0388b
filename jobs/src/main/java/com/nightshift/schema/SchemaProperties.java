package com.nightshift.schema;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the engine treats the database's schema.
 *
 * @param changeLog      the Liquibase changelog ({@code classpath:} or {@code file:})
 * @param migrateOnStart apply the changelog at start-up instead of only checking that it has been applied
 *                       ({@code demo} and the tests; {@code nightshift migrate} otherwise)
 * @param lockTimeout    how long one migration statement may wait for a lock; while it waits, the table's
 *                       writers queue behind it, so this bounds how long a point-of-sale write can be held up
 * @param lockAttempts   how many times a statement that gave up waiting is tried in all
 * @param retryAfter     pause between those attempts, which lets the queued writers through
 */
@ConfigurationProperties("nightshift.schema")
public record SchemaProperties(
        @DefaultValue("classpath:changelog/db.changelog-master.xml") String changeLog,
        @DefaultValue("false") boolean migrateOnStart,
        @DefaultValue("3s") Duration lockTimeout,
        @DefaultValue("5") int lockAttempts,
        @DefaultValue("10s") Duration retryAfter) {

    public static final String MIGRATE_ON_START = "nightshift.schema.migrate-on-start";
}
