package com.nightshift.reports.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schedules, reports and audit pages have every word in both languages: none falls back to its key. */
class PagesWordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"schedules", "reports", "audit"})
    void chineseAndEnglishHaveTheSameKeys(String bundle) throws IOException {
        Properties chinese = load("messages/" + bundle + ".properties");
        Properties english = load("messages/" + bundle + "_en.properties");

        assertThat(chinese).isNotEmpty();
        assertThat(english.keySet()).containsExactlyInAnyOrderElementsOf(chinese.keySet());
        assertThat(chinese.keySet()).allMatch(key -> key.toString().startsWith(bundle + "."));
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(PagesWordsTest.class.getClassLoader().getResourceAsStream(path),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
