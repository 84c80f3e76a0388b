package com.nightshift.health.disk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Thresholds of the DISK checks, under {@code nightshift.health.disk}: free space is WARN (or CRIT) when it is
 * below either the size or the share of the disk, whichever says so first.
 *
 * @param freeWarn        WARN below this much free space
 * @param freeCrit        CRIT below this much: a night's reports and logs may no longer fit
 * @param freeWarnPercent WARN below this share of the disk free
 * @param freeCritPercent CRIT below this share
 */
@ConfigurationProperties("nightshift.health.disk")
public record DiskThresholds(@DefaultValue("2GB") DataSize freeWarn, @DefaultValue("500MB") DataSize freeCrit,
                             @DefaultValue("10") double freeWarnPercent, @DefaultValue("5") double freeCritPercent) {
}
