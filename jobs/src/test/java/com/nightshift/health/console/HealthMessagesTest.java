package com.nightshift.health.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.HealthState;

/**
 * The health pages' two languages have the same words, and every group and state has its name: a key missing from
 * the English file would show its Chinese on an English page, and no page would fail to say so.
 */
class HealthMessagesTest {

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(keys("messages/health_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(keys("messages/health.properties").stringPropertyNames());
    }

    @Test
    void everyGroupAndStateIsNamed() throws IOException {
        Properties chinese = keys("messages/health.properties");

        assertThat(Arrays.stream(CheckGroup.values()).map(group -> "health.group." + group.name()))
                .allSatisfy(key -> assertThat(chinese.getProperty(key)).as(key).isNotBlank());
        assertThat(Arrays.stream(HealthState.values()).map(state -> "health.state." + state.name()))
                .allSatisfy(key -> assertThat(chinese.getProperty(key)).as(key).isNotBlank());
    }

    private static Properties keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = HealthMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
