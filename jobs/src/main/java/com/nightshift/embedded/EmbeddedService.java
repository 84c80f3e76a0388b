package com.nightshift.embedded;

import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** A server the engine talks to, and the settings that point it at an external one. */
public enum EmbeddedService {

    DATABASE("database", List.of("spring.datasource.url")),
    REDIS("Redis", List.of("spring.data.redis.host", "spring.data.redis.url")),
    MAIL("mail server", List.of("spring.mail.host"));

    private final String description;
    private final List<String> properties;

    EmbeddedService(String description, List<String> properties) {
        this.description = description;
        this.properties = properties;
    }

    /** A blank value counts as missing: {@code SPRING_MAIL_HOST=} is a mistake, not a choice. */
    boolean isConfiguredIn(Environment environment) {
        return properties.stream().anyMatch(property -> StringUtils.hasText(environment.getProperty(property)));
    }

    /** What an operator sets to configure it, e.g. {@code SPRING_MAIL_HOST (spring.mail.host)}. */
    String setting() {
        String property = properties.get(0);
        return property.toUpperCase().replace('.', '_').replace("-", "") + " (" + property + ")";
    }

    String description() {
        return description;
    }
}
