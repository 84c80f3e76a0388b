package com.nightshift.health.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.nightshift.config.NightshiftProperties;
import com.nightshift.health.CheckGroup;
import com.nightshift.health.HealthState;
import com.nightshift.health.StoredResult;

class OverviewTest {

    private final HealthWords words = new HealthWords(messages(),
            new NightshiftProperties(Path.of("unused"), ZoneId.of("Asia/Shanghai")));
    private final List<StoredResult> latest = List.of(result("database.latency", CheckGroup.DATABASE, HealthState.OK),
            result("disk.reports", CheckGroup.DISK, HealthState.CRIT),
            result("redis.memory", CheckGroup.REDIS, HealthState.WARN),
            result("indexes.invalid", CheckGroup.INDEXES, HealthState.OK),
            result("redis.latency", CheckGroup.REDIS, HealthState.OK));

    @Test
    void worstFirstPutsTheGroupsInTroubleFirstAndTheRestInTheJobsOrder() {
        assertThat(Overview.WORST.sections(latest, words, Locale.SIMPLIFIED_CHINESE)).extracting(GroupSection::group)
                .containsExactly("DISK", "REDIS", "DATABASE", "INDEXES");
    }

    @Test
    void byGroupKeepsTheJobsOrder() {
        assertThat(Overview.GROUP.sections(latest, words, Locale.SIMPLIFIED_CHINESE)).extracting(GroupSection::group)
                .containsExactly("DATABASE", "INDEXES", "REDIS", "DISK");
    }

    @Test
    void aGroupIsAsSickAsItsSickestCheckAndSaysSoInTheReadersLanguage() {
        GroupSection redis = Overview.GROUP.sections(latest, words, Locale.SIMPLIFIED_CHINESE).get(2);

        assertThat(redis.worst()).isEqualTo("WARN");
        assertThat(redis.worstLabel()).isEqualTo("警告");
        assertThat(redis.label()).isEqualTo("Redis 缓存");
    }

    @Test
    void anOrderIsNamedInLinksInAnyCaseAndAnUnknownNameIsNone() {
        assertThat(Overview.named("Worst")).isEqualTo(Overview.WORST);
        assertThat(Overview.named("group")).isEqualTo(Overview.GROUP);
        assertThat(Overview.named("sideways")).isNull();
    }

    private static StoredResult result(String check, CheckGroup group, HealthState state) {
        return new StoredResult(1, null, check, group, state, "found", List.of(), Instant.now(), 1);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/health");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
