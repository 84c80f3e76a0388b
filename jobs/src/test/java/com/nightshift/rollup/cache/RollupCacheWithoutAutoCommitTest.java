package com.nightshift.rollup.cache;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.nightshift.config.BusinessCalendar;
import com.nightshift.ops.JobRunner;
import com.nightshift.rollup.CommittedRows;
import com.nightshift.rollup.RollupPartition;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RedisOutage;
import com.nightshift.support.RollupTableState;

/**
 * The rollup's cache notes with a connection pool that does not auto-commit. A statement run on a transaction's
 * connection after its commit (as a refresh's bookkeeping once was) then opens a transaction that nobody commits,
 * and the pool rolls it back when the connection is returned.
 */
@TestPropertySource(properties = {"spring.datasource.hikari.auto-commit=false",
        "spring.quartz.scheduler-name=withoutAutoCommit"})
class RollupCacheWithoutAutoCommitTest extends IntegrationTest {


    @Autowired
    BusinessCalendar calendar;
    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RedisConnectionFactory redis;
    @Autowired
    RollupCache cache;
    @Autowired
    TransactionTemplate transaction;

    /** Read from the engine's own calendar when each test starts, and given to runs explicitly. */
    private LocalDate yesterday;
    private Map<String, String> yesterdayOnly;

    @BeforeEach
    void oneLineYesterdayAndAWorkingEmptyCache() {
        yesterday = calendar.yesterday();
        yesterdayOnly = Map.of("mode", "full", "from", yesterday.toString(), "to", yesterday.toString());
        await("Redis is used again after an earlier test's outage").atMost(Duration.ofSeconds(30))
                .until(() -> cache.warmUp().succeeded());
        // Without auto-commit, only what runs in a transaction is kept.
        transaction.executeWithoutResult(status -> {
            RollupTableState.clear(jdbc);
            aLine().store("南京新街口店").on(yesterday).amount("12.30").insert(jdbc);
        });
        try (RedisConnection connection = redis.getConnection()) {
            connection.serverCommands().flushAll();
        }
    }

    @Test
    void aPartitionWhoseRefreshFailedStaysNoted() throws Exception {
        JobExecution duringOutage = RedisOutage.during(redis, () -> runner.run("rollup", yesterdayOnly));

        assertThat(duringOutage.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(notes()).isEqualTo(1);
    }

    @Test
    void aNoteRemovedByTheRefreshAfterTheCommitStaysRemoved() {
        RollupPartition partition = new RollupPartition("南京新街口店", yesterday, yesterday);
        CommittedRows none = (grain, from, to) -> List.of();

        // As the rollup's writer does: noted with the rows, refreshed once they have committed.
        transaction.executeWithoutResult(status -> {
            PendingRefresh pending = cache.noteRefresh(List.of(partition));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    assertThat(cache.refreshPartitions(pending, Map.of(partition, none)))
                            .allMatch(CacheRefresh::succeeded);
                }
            });
        });

        assertThat(notes()).isZero();
    }

    private long notes() {
        return jdbc.queryForObject("SELECT count(*) FROM rollup_cache_repair", Long.class);
    }
}
