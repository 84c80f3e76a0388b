package com.nightshift.health.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.nightshift.support.FreePorts;
import com.nightshift.support.IntegrationTest;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The pool check on the engine's real Hikari pool, exhausted for real by holding every connection. */
class PoolCheckTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    PoolCheck check;
    @Autowired
    DatabaseThresholds defaults;

    @Test
    void aPoolWithConnectionsToSpareIsOk() {
        CheckResult result = check.run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).startsWith("The pool 'nightshift': ").contains("0 threads waiting");
    }

    @Test
    void anExhaustedPoolWithThreadsWaitingIsCritNamingTheCountsAndWhatToDo() throws Exception {
        PoolCheck quick = new PoolCheck(dataSource, withWaitCrit(Duration.ofMillis(300)));
        int max = ((HikariDataSource) dataSource).getMaximumPoolSize();
        List<Connection> held = new ArrayList<>();
        ExecutorService waiters = Executors.newFixedThreadPool(2);
        CountDownLatch released = new CountDownLatch(1);
        try {
            for (int i = 0; i < max; i++) {
                held.add(dataSource.getConnection());
            }
            for (int i = 0; i < 2; i++) {
                waiters.submit(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        released.await();
                    }
                    return null;
                });
            }
            awaitWaiters(2);

            CheckResult result = quick.run();

            assertThat(result.state()).isEqualTo(HealthState.CRIT);
            assertThat(result.message()).contains(max + " of " + max + " connections active, 0 idle, 2 threads "
                    + "waiting").contains("a connection took longer than 300 ms").contains("maximum-pool-size");
            assertThat(result.values()).filteredOn(value -> value.name().equals("pending"))
                    .extracting(Measurement::value).containsExactly(2.0);
        } finally {
            released.countDown();
            for (Connection connection : held) {
                connection.close();
            }
            waiters.shutdown();
            assertThat(waiters.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aPoolThatCannotGiveAConnectionIsCritSayingWhy() {
        HikariConfig config = new HikariConfig();
        // nothing listens on this port: every connection is refused, as when PostgreSQL is down
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + FreePorts.unused() + "/postgres?connectTimeout=1");
        config.setUsername("postgres");
        config.setPoolName("down");
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource down = new HikariDataSource(config)) {
            CheckResult result = new PoolCheck(down, defaults).run();

            assertThat(result.state()).isEqualTo(HealthState.CRIT);
            assertThat(result.message()).startsWith("The pool 'down' could not give a connection: ")
                    .contains("Check that the database answers");
        }
    }

    private void awaitWaiters(int count) {
        HikariDataSource pool = (HikariDataSource) dataSource;
        await().atMost(Duration.ofSeconds(5))
                .until(() -> pool.getHikariPoolMXBean().getThreadsAwaitingConnection() >= count);
    }

    private DatabaseThresholds withWaitCrit(Duration crit) {
        return new DatabaseThresholds(defaults.latencyWarn(), defaults.latencyCrit(),
                defaults.connectionsWarnPercent(), defaults.connectionsCritPercent(), defaults.poolPendingWarn(),
                defaults.poolPendingCrit(), Duration.ofMillis(100), crit, defaults.cacheHitWarnPercent(),
                defaults.cacheHitCritPercent(), defaults.cacheHitMinBlocks());
    }
}
