package com.nightshift.health.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.support.IntegrationTest;

class CacheHitCheckTest extends IntegrationTest {

    @Autowired
    HealthQueries queries;
    @Autowired
    DatabaseThresholds defaults;

    @Test
    void tooFewReadsSinceTheStatisticsResetAreOkAndSaySo() {
        CacheHitCheck check = new CacheHitCheck(queries, with(99, 95, Long.MAX_VALUE));

        CheckResult result = check.run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).startsWith("Too few block reads since the statistics reset");
    }

    @Test
    void aRatioBelowTheCritThresholdIsCritNamingTheRatiosAndWhatToDo() {
        // every ratio is at most 100%: a threshold above it makes the ratio too low
        CacheHitCheck check = new CacheHitCheck(queries, with(100.5, 100.1, 0));

        CheckResult result = check.run();

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
        assertThat(result.message()).startsWith("Cache hit ratio of ").contains("crit below 100%")
                .contains("shared_buffers");
    }

    @Test
    void aRatioAboveTheThresholdsIsOk() {
        CacheHitCheck check = new CacheHitCheck(queries, with(0, 0, 0));

        CheckResult result = check.run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).matches("Cache hit ratio: tables \\d+\\.\\d\\d%, indexes \\d+\\.\\d\\d%\\.");
    }

    private DatabaseThresholds with(double warn, double crit, long minBlocks) {
        return new DatabaseThresholds(defaults.latencyWarn(), defaults.latencyCrit(),
                defaults.connectionsWarnPercent(), defaults.connectionsCritPercent(), defaults.poolPendingWarn(),
                defaults.poolPendingCrit(), defaults.poolWaitWarn(), defaults.poolWaitCrit(), warn, crit, minBlocks);
    }
}
