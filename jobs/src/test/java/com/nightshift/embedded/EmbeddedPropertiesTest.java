package com.nightshift.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class EmbeddedPropertiesTest {

    @Test
    void theSwitchAloneTurnsEmbeddedModeOnWithTheDefaultPorts() {
        EmbeddedProperties settings = bind(Map.of("nightshift.embedded.enabled", "true"));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.postgresPort()).isEqualTo(15432);
        assertThat(settings.smtpPort()).isEqualTo(2525);
    }

    @Test
    void withoutTheSwitchEmbeddedModeIsOffEvenWhenPortsAreSet() {
        EmbeddedProperties settings = bind(Map.of("nightshift.embedded.smtp-port", "0"));

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.smtpPort()).isZero();
    }

    private static EmbeddedProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("nightshift.embedded", EmbeddedProperties.class);
    }
}
