package com.nightshift.health.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the DATABASE checks, under {@code nightshift.health.database}.
 *
 * @param latencyWarn             a round trip ({@code SELECT 1}) from this long is WARN
 * @param latencyCrit             and from this long CRIT
 * @param connectionsWarnPercent  connections in use (all clients, not only Nightshift) against
 *                                {@code max_connections}, WARN from this percentage
 * @param connectionsCritPercent  and CRIT from this one: new connections are about to be refused
 * @param poolPendingWarn         threads waiting for a connection of Nightshift's pool, WARN from this many
 * @param poolPendingCrit         and CRIT from this many (the old system's pool exhaustion)
 * @param poolWaitWarn            the time one connection takes to come from the pool, WARN from this long
 * @param poolWaitCrit            and CRIT from this long; the check waits no longer than this
 * @param cacheHitWarnPercent     share of table and index block reads served from PostgreSQL's buffers, WARN below
 * @param cacheHitCritPercent     and CRIT below this one
 * @param cacheHitMinBlocks       block reads since the statistics reset below which the ratio says nothing yet
 */
@ConfigurationProperties("nightshift.health.database")
public record DatabaseThresholds(
        @DefaultValue("100ms") Duration latencyWarn,
        @DefaultValue("1s") Duration latencyCrit,
        @DefaultValue("80") int connectionsWarnPercent,
        @DefaultValue("95") int connectionsCritPercent,
        @DefaultValue("1") int poolPendingWarn,
        @DefaultValue("5") int poolPendingCrit,
        @DefaultValue("200ms") Duration poolWaitWarn,
        @DefaultValue("2s") Duration poolWaitCrit,
        @DefaultValue("99") double cacheHitWarnPercent,
        @DefaultValue("95") double cacheHitCritPercent,
        @DefaultValue("10000") long cacheHitMinBlocks) {
}
