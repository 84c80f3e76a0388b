package com.nightshift.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the health run as a whole. Each group's thresholds are a record of their own under
 * {@code nightshift.health.<group>} (e.g. {@code nightshift.health.sessions.idle-in-transaction-warn}), next to
 * the group's checks.
 *
 * @param statementTimeout the longest any one check's query may take: a sick database must not make the nightly
 *                         run hang, so a check that hits it is a result ("could not check: timed out"), not a wait
 */
@ConfigurationProperties("nightshift.health")
public record HealthProperties(@DefaultValue("5s") Duration statementTimeout) {
}
