package com.nightshift.health.database;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

/**
 * Nightshift's own connection pool (the old system's exhaustion): connections active and idle, threads waiting,
 * and how long one connection takes to come, measured by taking one (and giving it straight back). The check waits
 * at most the CRIT threshold for it; a connection that comes later is given back by the waiting thread.
 */
@Component
class PoolCheck implements HealthCheck {

    static final String NAME = "database.pool";

    private final DataSource dataSource;
    private final DatabaseThresholds thresholds;

    PoolCheck(DataSource dataSource, DatabaseThresholds thresholds) {
        this.dataSource = dataSource;
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckGroup group() {
        return CheckGroup.DATABASE;
    }

    @Override
    public CheckResult run() {
        if (!(dataSource instanceof HikariDataSource hikari) || hikari.getHikariPoolMXBean() == null) {
            return new CheckResult(NAME, group(), HealthState.WARN, "could not check: the data source is not a "
                    + "started Hikari pool", List.of());
        }
        HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
        // the counts before the probe joins the waiters
        int active = pool.getActiveConnections();
        int idle = pool.getIdleConnections();
        int pending = pool.getThreadsAwaitingConnection();
        int max = hikari.getMaximumPoolSize();
        double waitMillis;
        try {
            waitMillis = connectionWaitMillis();
        } catch (ExecutionException e) {
            // the pool gave up (its own connection timeout) or the database refused: no connection at all
            return new CheckResult(NAME, group(), HealthState.CRIT, String.format("The pool '%s' could not give a "
                    + "connection: %s (%d of %d active, %d idle, %d threads waiting). Check that the database "
                    + "answers (database.latency) and what holds the pool's connections.", hikari.getPoolName(),
                    NestedExceptionUtils.getMostSpecificCause(e.getCause()).getMessage(), active, max, idle,
                    pending), List.of(new Measurement("active", active, null, null, "connections"),
                    new Measurement("pending", pending, (double) thresholds.poolPendingWarn(),
                            (double) thresholds.poolPendingCrit(), "threads")));
        }
        HealthState state = Judged.above(pending, thresholds.poolPendingWarn(), thresholds.poolPendingCrit())
                .worse(Judged.above(waitMillis, thresholds.poolWaitWarn().toMillis(),
                        thresholds.poolWaitCrit().toMillis()));
        String counts = String.format("pool '%s': %d of %d connections active, %d idle, %d threads waiting",
                hikari.getPoolName(), active, max, idle, pending);
        String message = state == HealthState.OK
                ? String.format("The %s; a connection came in %.0f ms.", counts, waitMillis)
                : String.format("The %s (warn from %d waiting, crit from %d); a connection took %s (warn at %d ms, "
                        + "crit at %d ms). Look for long queries and sessions idle in transaction holding "
                        + "connections, or raise spring.datasource.hikari.maximum-pool-size.", counts,
                        thresholds.poolPendingWarn(), thresholds.poolPendingCrit(),
                        waitMillis >= thresholds.poolWaitCrit().toMillis()
                                ? "longer than " + thresholds.poolWaitCrit().toMillis() + " ms"
                                : String.format("%.0f ms", waitMillis),
                        thresholds.poolWaitWarn().toMillis(), thresholds.poolWaitCrit().toMillis());
        return new CheckResult(NAME, group(), state, message, List.of(
                new Measurement("active", active, null, null, "connections"),
                new Measurement("idle", idle, null, null, "connections"),
                new Measurement("max", max, null, null, "connections"),
                new Measurement("pending", pending, (double) thresholds.poolPendingWarn(),
                        (double) thresholds.poolPendingCrit(), "threads"),
                new Measurement("connection_wait", waitMillis, (double) thresholds.poolWaitWarn().toMillis(),
                        (double) thresholds.poolWaitCrit().toMillis(), "ms")));
    }

    /**
     * How long a connection takes to come, at most the CRIT threshold (then that threshold).
     *
     * @throws ExecutionException when the pool gives up or the database refuses before the threshold
     */
    private double connectionWaitMillis() throws ExecutionException {
        Duration limit = thresholds.poolWaitCrit();
        long start = System.nanoTime();
        CompletableFuture<Void> taking = new CompletableFuture<>();
        // a thread of its own (not the common pool): it may wait the pool's whole connection timeout
        Thread probe = new Thread(() -> {
            // given back as soon as it comes, on every path: never held
            try (Connection connection = dataSource.getConnection()) {
                taking.complete(null);
            } catch (Exception e) {
                taking.completeExceptionally(e);
            }
        }, "health-pool-probe");
        probe.setDaemon(true);
        probe.start();
        try {
            taking.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return (System.nanoTime() - start) / 1_000_000.0;
        } catch (TimeoutException e) {
            return limit.toMillis();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return limit.toMillis();
        }
    }
}
