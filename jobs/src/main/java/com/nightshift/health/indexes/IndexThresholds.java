package com.nightshift.health.indexes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the index checks report. A small unused index costs little; one of many megabytes slows every write to its
 * table. Sequential scans of small tables are the planner's right choice, so only large tables are judged.
 *
 * @param unusedMinSize        an index never scanned since the statistics reset is reported from this size
 * @param seqScanMinRows       tables with fewer live rows are not judged for sequential scans
 * @param seqScanMinCount      nor tables scanned sequentially fewer times than this (one nightly export is fine)
 * @param seqScanShareWarn     WARN when sequential scans are at least this share (0-1) of a table's scans
 */
@ConfigurationProperties("nightshift.health.indexes")
public record IndexThresholds(@DefaultValue("10MB") DataSize unusedMinSize,
                              @DefaultValue("100000") long seqScanMinRows,
                              @DefaultValue("50") long seqScanMinCount,
                              @DefaultValue("0.5") double seqScanShareWarn) {
}
