package com.nightshift.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nightshift.health.indexes.IndexThresholds;
import com.nightshift.health.redis.RedisThresholds;
import com.nightshift.health.sessions.SessionThresholds;
import com.nightshift.health.tables.TableThresholds;
import com.nightshift.support.IntegrationTest;

/** The checks the health job will find in the engine's context, and their thresholds' defaults. */
class HealthCheckBeansTest extends IntegrationTest {

    private static final Set<CheckGroup> GROUPS =
            EnumSet.of(CheckGroup.INDEXES, CheckGroup.TABLES, CheckGroup.SESSIONS, CheckGroup.REDIS);

    @Autowired
    List<HealthCheck> checks;

    @Test
    void everyCheckOfTheIndexesTablesSessionsAndRedisGroupsIsABean() {
        assertThat(checks).extracting(HealthCheck::name).contains(
                "indexes.invalid", "indexes.unused", "indexes.duplicate", "indexes.sequential-scans",
                "tables.dead-tuples", "tables.vacuum-analyze", "tables.bloat", "tables.xid-age", "tables.sequences",
                "sessions.long-queries", "sessions.idle-in-transaction", "sessions.blocked-queries",
                "redis.reachable", "redis.memory", "redis.eviction-policy", "redis.evicted-keys",
                "redis.cache-hit-rate").doesNotHaveDuplicates();
    }

    @Test
    void everyCheckIsNamedForItsGroup() {
        assertThat(checks).allSatisfy(check -> assertThat(check.name())
                .startsWith(check.group().name().toLowerCase(Locale.ROOT) + "."));
    }

    @Test
    void everyCheckRunsOnTheMigratedSchemaAndAnswersForItself() {
        List<CheckResult> results = checks.stream()
                .filter(check -> GROUPS.contains(check.group()))
                .map(check -> {
                    CheckResult result = check.run();
                    assertThat(result.check()).isEqualTo(check.name());
                    assertThat(result.group()).isEqualTo(check.group());
                    return result;
                }).toList();

        assertThat(results).hasSize(17).allSatisfy(result -> assertThat(result.message()).isNotBlank());
        results.forEach(result -> System.out.println(result.state() + " " + result.check() + " " + result.message()));
    }

    @Test
    void thresholdsHaveTheirDocumentedDefaults(@Autowired SessionThresholds sessions,
            @Autowired IndexThresholds indexes, @Autowired TableThresholds tables, @Autowired RedisThresholds redis) {
        assertThat(sessions.idleInTransactionWarn()).isEqualTo(Duration.ofMinutes(1));
        assertThat(indexes.unusedMinSize().toMegabytes()).isEqualTo(10);
        assertThat(tables.deadRatioWarn()).isEqualTo(0.2);
        assertThat(redis.hitRateWarn()).isEqualTo(0.85);
        assertThat(redis.evictionPolicies()).containsExactly("allkeys-lru", "volatile-lru");
    }
}
