package com.nightshift.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the health job runs its checks.
 *
 * @param checkTimeout the longest one check may take as a whole (its queries are held to
 *                     {@code nightshift.health.statement-timeout}; this also bounds sockets and pools that have no
 *                     timeout of their own): past it the check's result is "could not check: timed out" and the
 *                     run goes on
 */
@ConfigurationProperties("nightshift.health.run")
public record HealthRunProperties(@DefaultValue("15s") Duration checkTimeout) {
}
