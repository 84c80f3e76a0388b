package com.nightshift.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Durations in the console's own words, read from its bundles. */
class HumanDurationTest {

    private final HumanDuration durations = new HumanDuration(bundles());

    @Test
    void minutesAndSecondsInChinese() {
        assertThat(durations.format(125_000L, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2 分 5 秒");
    }

    @Test
    void minutesAndSecondsInEnglish() {
        assertThat(durations.format(125_000L, Locale.ENGLISH)).isEqualTo("2 min 5 s");
    }

    @Test
    void hoursDropTheSeconds() {
        assertThat(durations.format(3_725_000L, Locale.ENGLISH)).isEqualTo("1 h 2 min");
    }

    @Test
    void underASecondAndUnknown() {
        assertThat(durations.format(400L, Locale.ENGLISH)).isEqualTo("under 1 s");
        assertThat(durations.format(null, Locale.ENGLISH)).isEmpty();
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasename("messages/ops");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        return bundles;
    }
}
