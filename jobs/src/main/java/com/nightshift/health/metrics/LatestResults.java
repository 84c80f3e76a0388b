package com.nightshift.health.metrics;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.nightshift.health.CurrentChecks;
import com.nightshift.health.HealthHistory;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.StoredResult;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The latest stored result of every check this engine has, read from the history rather than from this process's
 * own runs, so that every instance behind a load balancer shows the same figures whichever ran the checks.
 *
 * <p>A scrape never waits for the database: it gets the results last read, and if they are older than
 * {@code nightshift.health.metrics.max-age} a read starts in the background for the scrapes after it. A sick
 * database (the pool exhausted, a query stuck) would otherwise hold the web server's few threads, the ones the
 * console and the API need during that very incident. When a read fails, the results read before stay (their
 * checked timestamp says how old they are) and {@code nightshift_health_metrics_read_failures_total} counts it.
 *
 * <p>Results of checks that no longer exist (renamed or removed in a later version) are left out
 * ({@link CurrentChecks}), so that the series stay those of the checks the code declares.
 */
@Component
class LatestResults implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LatestResults.class);

    private final HealthHistory history;
    private final HealthQueries queries;
    private final CurrentChecks checks;
    private final long maxAgeNanos;
    private final Counter failures;
    private final AtomicBoolean reading = new AtomicBoolean();
    // daemon: a read stuck on the database must not keep the process alive
    private final ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "health-metrics-read");
        thread.setDaemon(true);
        return thread;
    });

    private volatile List<StoredResult> latest = List.of();
    private volatile long readAt;
    private volatile boolean read;

    LatestResults(HealthHistory history, HealthQueries queries, CurrentChecks checks,
                  HealthMetricsProperties properties, MeterRegistry registry) {
        this.history = history;
        this.queries = queries;
        this.checks = checks;
        this.maxAgeNanos = properties.maxAge().toNanos();
        this.failures = Counter.builder("nightshift.health.metrics.read.failures")
                .description("Reads of the latest health results for the metrics that failed; the series keep "
                        + "the results read before")
                .register(registry);
    }

    /** The latest result of each check, as last read; starts a read if that is older than the max age. */
    List<StoredResult> get() {
        boolean stale = !read || System.nanoTime() - readAt >= maxAgeNanos;
        if (stale && reading.compareAndSet(false, true)) {
            reader.execute(this::read);
        }
        return latest;
    }

    private void read() {
        try {
            // the health statement timeout bounds the query
            latest = queries.read(jdbc -> history.latest(checks.names()));
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Cannot read the latest health results for the metrics; the series keep the results read "
                    + "before (their checked timestamp says how old): {}", e.getMessage());
        } finally {
            readAt = System.nanoTime();
            read = true;
            reading.set(false);
        }
    }

    @Override
    public void destroy() {
        reader.shutdownNow();
    }
}
