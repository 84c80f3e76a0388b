package com.nightshift.health.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the MAIL check, under {@code nightshift.health.mail}.
 *
 * @param timeout    how long the check waits to connect and for each answer: a server silent that long is CRIT
 * @param answerWarn a whole conversation (connect, greeting, EHLO, NOOP, QUIT) from this long is WARN
 */
@ConfigurationProperties("nightshift.health.mail")
public record MailThresholds(@DefaultValue("5s") Duration timeout, @DefaultValue("2s") Duration answerWarn) {
}
