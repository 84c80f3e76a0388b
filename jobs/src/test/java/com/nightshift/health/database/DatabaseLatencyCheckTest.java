package com.nightshift.health.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.nightshift.support.IntegrationTest;

class DatabaseLatencyCheckTest extends IntegrationTest {

    @Autowired
    HealthQueries queries;
    @Autowired
    DatabaseLatencyCheck check;
    @Autowired
    DatabaseThresholds defaults;

    @Test
    void theEmbeddedDatabaseAnswersQuicklyAndIsOk() {
        CheckResult result = check.run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).matches("The database answers in \\d+\\.\\d ms\\.");
        assertThat(result.values()).singleElement().extracting(Measurement::name).isEqualTo("round_trip");
    }

    @Test
    void aRoundTripSlowerThanTheWarnThresholdIsWarnWithTheValueAgainstIt() {
        // no round trip takes less than zero: the threshold is what makes it slow
        DatabaseLatencyCheck strict = new DatabaseLatencyCheck(queries, new DatabaseThresholds(Duration.ZERO,
                Duration.ofHours(1), defaults.connectionsWarnPercent(), defaults.connectionsCritPercent(),
                defaults.poolPendingWarn(), defaults.poolPendingCrit(), defaults.poolWaitWarn(),
                defaults.poolWaitCrit(), defaults.cacheHitWarnPercent(), defaults.cacheHitCritPercent(),
                defaults.cacheHitMinBlocks()));

        CheckResult result = strict.run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).startsWith("The database answers slowly: a round trip took ")
                .contains("(warn at 0 ms, crit at 3600000 ms)");
    }
}
