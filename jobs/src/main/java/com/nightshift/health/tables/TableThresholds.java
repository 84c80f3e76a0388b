package com.nightshift.health.tables;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the table checks report. Autovacuum starts at 20% dead rows by default, so a table staying above that is one
 * it cannot keep up with; small tables are left out, their ratios swing with a handful of rows.
 *
 * @param minRows          tables with fewer rows (live and dead) are not judged for dead rows or upkeep
 * @param deadRatioWarn    dead rows' share (0-1) of a table's rows from which it is WARN
 * @param deadRatioCrit    ... and CRIT
 * @param busyChanges      a table with at least this many rows inserted, updated or deleted since the statistics
 *                         reset is busy and must have been vacuumed and analyzed recently
 * @param upkeepStaleAfter how long ago a busy table's last vacuum or analyze may be
 * @param bloatMinSize     tables smaller than this are not judged for bloat
 * @param bloatWarn        estimated share (0-1) of a table's space that holds no live row, WARN from here
 * @param bloatCrit        ... and CRIT
 * @param xidAgeWarn       transaction-ID age as a share (0-1) of the 2^31 at which PostgreSQL stops writes
 * @param xidAgeCrit       ... and CRIT
 * @param sequenceWarn     a sequence's last value as a share (0-1) of its maximum, WARN from here
 * @param sequenceCrit     ... and CRIT
 */
@ConfigurationProperties("nightshift.health.tables")
public record TableThresholds(@DefaultValue("10000") long minRows,
                              @DefaultValue("0.2") double deadRatioWarn,
                              @DefaultValue("0.5") double deadRatioCrit,
                              @DefaultValue("10000") long busyChanges,
                              @DefaultValue("7d") Duration upkeepStaleAfter,
                              @DefaultValue("100MB") DataSize bloatMinSize,
                              @DefaultValue("0.4") double bloatWarn,
                              @DefaultValue("0.7") double bloatCrit,
                              @DefaultValue("0.5") double xidAgeWarn,
                              @DefaultValue("0.75") double xidAgeCrit,
                              @DefaultValue("0.75") double sequenceWarn,
                              @DefaultValue("0.9") double sequenceCrit) {
}
