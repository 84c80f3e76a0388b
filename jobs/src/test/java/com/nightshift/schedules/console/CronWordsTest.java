package com.nightshift.schedules.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class CronWordsTest {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final CronWords words = new CronWords(messages());

    @Test
    void aDailyTimeIsSaidAsEveryDay() {
        assertThat(words.of("0 30 7 * * ?", CHINESE)).hasValue("每天 07:30");
        assertThat(words.of("0 0 1 ? * *", Locale.ENGLISH)).hasValue("every day at 01:00");
    }

    @Test
    void weekdaysAreSaidByName() {
        assertThat(words.of("0 0 6 ? * MON-FRI", CHINESE)).hasValue("每周一至周五 06:00");
        assertThat(words.of("0 15 2 ? * sun", Locale.ENGLISH)).hasValue("every Sunday at 02:15");
    }

    @Test
    void aDayOfTheMonthIsSaidAsMonthly() {
        assertThat(words.of("0 0 3 1 * ?", CHINESE)).hasValue("每月 1 日 03:00");
    }

    @Test
    void cronsWithStepsListsOrSecondsHaveNoWords() {
        assertThat(words.of("0 */15 * * * ?", CHINESE)).isEmpty();
        assertThat(words.of("0 0 1,13 * * ?", CHINESE)).isEmpty();
        assertThat(words.of("30 0 1 * * ?", CHINESE)).isEmpty();
        assertThat(words.of("0 0 1 ? * MON,WED", CHINESE)).isEmpty();
        assertThat(words.of("0 0 1 L * ?", CHINESE)).isEmpty();
        assertThat(words.of("0 0 1 * 1 ?", CHINESE)).isEmpty();
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/schedules");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
