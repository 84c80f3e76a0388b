package com.nightshift.health.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the health checks' metrics are read.
 *
 * @param maxAge how long the latest stored results, once read, answer scrapes before a scrape starts a new read:
 *               one query serves every series of a scrape (there are about a hundred) rather than one query
 *               each; a result stored by any instance shows on all of them from the first scrape after a read
 *               started at least this long after it was stored
 */
@ConfigurationProperties("nightshift.health.metrics")
public record HealthMetricsProperties(@DefaultValue("5s") Duration maxAge) {
}
