package com.nightshift.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The ops pages' two languages have the same words: a key missing from the English file would show its Chinese
 * (the default file) on an English page, and no page would fail to say so.
 */
class OpsMessagesTest {

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(keys("messages/ops_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(keys("messages/ops.properties").stringPropertyNames());
    }

    private static Properties keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = OpsMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
