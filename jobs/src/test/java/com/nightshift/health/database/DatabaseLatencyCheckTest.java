package com.nightshift.health.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.TestHealthQueries;
import com.nightshift.health.Measurement;
import com.nightshift.support.FreePorts;
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
    void aDatabaseThatCannotBeReachedIsCritSayingWhatToCheck() {
        // nothing listens on this port: the connection is refused, as when PostgreSQL is down
        DriverManagerDataSource down = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + FreePorts.unused()
                + "/postgres?connectTimeout=2", "postgres", "");
        DatabaseLatencyCheck check = new DatabaseLatencyCheck(TestHealthQueries.on(down, Duration.ofSeconds(5)),
                defaults);

        CheckResult result = check.run();

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
        assertThat(result.message()).startsWith("The database cannot be reached: ").contains("refused")
                .endsWith("Check that PostgreSQL is running and that spring.datasource.url points at it.");
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
