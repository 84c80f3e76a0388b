package com.nightshift.console.browser;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.ApiClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * A full rollup that stays running until released: each store has a stale rollup row, which its partition must
 * rewrite, and those rows are locked by a transaction of this object's own, so every partition waits in its first
 * chunk. Releasing the lock lets the run go on (or end, if it was asked to stop). Closing it stops a run still
 * going and waits for its end, so that the next test can start the same run.
 */
final class RunningRollup implements AutoCloseable {

    /** Days of their own: the run of a day stopped by one test would be resumed, not started, by the next. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final AtomicInteger DAYS = new AtomicInteger();
    private static final int STORES = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final ApiClient api;
    private final JdbcTemplate jdbc;
    private final Connection lock;
    private final LocalDate day = FIRST_DAY.plusDays(DAYS.getAndIncrement());
    private final long id;

    RunningRollup(DataSource dataSource, JdbcTemplate jdbc, ApiClient api) throws SQLException {
        this.api = api;
        this.jdbc = jdbc;
        for (int store = 0; store < STORES; store++) {
            aLine().store("门店" + store).on(day).insert(jdbc);
            jdbc.update("INSERT INTO rollup_store_daily VALUES (?, ?, 99, 99, 99, 0, 0, 0)", day, "门店" + store);
        }
        lock = dataSource.getConnection();
        try (Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("SELECT 1 FROM rollup_store_daily FOR UPDATE");
            HttpResponse<String> started = api.post("/api/jobs/rollup/executions",
                    "{\"mode\": \"full\", \"from\": \"" + day + "\", \"to\": \"" + day + "\"}");
            String location = started.headers().firstValue("Location")
                    .orElseThrow(() -> new AssertionError("the rollup did not start: " + started.body()));
            id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            await().atMost(PATIENCE).until(() -> sessionsWaitingForALock() > 0);
        } catch (SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    long id() {
        return id;
    }

    /** Lets the held partitions go on. */
    void release() throws SQLException {
        if (!lock.isClosed()) {
            lock.rollback();
            lock.close();
        }
    }

    @Override
    public void close() throws SQLException {
        if (!lock.isClosed()) {
            api.post("/api/jobs/executions/" + id + "/stop");
            release();
        }
        await().atMost(PATIENCE).until(() -> !BatchStatus.valueOf(JSON.readTree(
                api.get("/api/jobs/executions/" + id).body()).get("status").asString()).isRunning());
    }

    private long sessionsWaitingForALock() {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                + "AND datname = current_database()", Long.class);
    }
}
