package com.nightshift.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ports of the servers the engine starts itself when no external one is configured. Fixed by default
 * so that an operator can point psql or redis-cli at the demo; 0 picks a free port.
 *
 * @param enabled      embedded mode for every command, as {@code --embedded} asks for it on one command line
 *                     (a switch of its own, not {@code nightshift.embedded} itself, which holds these settings)
 * @param postgresPort port of the embedded PostgreSQL
 * @param redisPort    port of the embedded Redis
 * @param smtpPort     port of the embedded SMTP server that files every message under the mail folder
 */
@ConfigurationProperties("nightshift.embedded")
public record EmbeddedProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("15432") int postgresPort,
        @DefaultValue("16379") int redisPort,
        @DefaultValue("2525") int smtpPort) {
}
