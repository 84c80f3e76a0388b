package com.nightshift.reports.job;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import com.nightshift.ops.JobAlreadyRunningException;
import com.nightshift.ops.JobRunner;

/**
 * Brings stale store-days' rollups up to date through {@link JobRunner}, like an operator would: an incremental
 * rollup for changes not rolled up yet, a full rollup of their dates for store-days that were never rolled up
 * (an incremental run only takes changes noted since its watermark). A rollup already running is waited for.
 *
 * <p>The rollup runs on a thread of its own: the report's step thread is inside its step's transaction, which
 * the rollup's steps must not join.
 */
@Component
class RollupCatchUp implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RollupCatchUp.class);
    private static final String ROLLUP = "rollup";
    /**
     * How long to wait before asking again when another run holds the rollup, or after it failed: a day's
     * incremental rollup takes about this long.
     */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    // the runner knows every job, this one included: looked up when first needed, not when the job is built
    private final ObjectProvider<JobRunner> runner;
    private final ThreadPoolTaskExecutor thread = new ThreadPoolTaskExecutor();

    RollupCatchUp(ObjectProvider<JobRunner> runner) {
        this.runner = runner;
        thread.setCorePoolSize(1);
        thread.setMaxPoolSize(1);
        thread.setThreadNamePrefix("report-rollup-");
        thread.initialize();
    }

    /** Runs (or waits for) a rollup that covers these store-days, for at most {@code patience}. */
    void catchUp(List<StaleStoreDays.StaleStoreDay> stale, Duration patience) throws InterruptedException {
        List<LocalDate> neverRolledUp = stale.stream().filter(day -> !day.rolledUp())
                .map(StaleStoreDays.StaleStoreDay::date).toList();
        Map<String, String> parameters = neverRolledUp.isEmpty() ? Map.of("mode", "incremental")
                : Map.of("mode", "full",
                        "from", neverRolledUp.stream().min(Comparator.naturalOrder()).orElseThrow().toString(),
                        "to", neverRolledUp.stream().max(Comparator.naturalOrder()).orElseThrow().toString());
        log.info("{} store-days are not rolled up completely (first: {}); running rollup {}", stale.size(),
                stale.get(0), parameters);
        Future<JobExecution> rollup = thread.submit(() -> runner.getObject().run(ROLLUP, parameters));
        try {
            JobExecution execution = rollup.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            log.info("rollup {} ended {}: {}", execution.getId(), execution.getStatus(),
                    execution.getExitStatus().getExitDescription());
            if (execution.getStatus().isUnsuccessful()) {
                // a rollup that fails again at once would otherwise be restarted as fast as it fails
                Thread.sleep(Math.min(RETRY_AFTER.toMillis(), patience.toMillis()));
            }
        } catch (TimeoutException e) {
            log.warn("rollup {} has not ended within the completeness deadline; it goes on", parameters);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JobAlreadyRunningException) {
                log.info("waiting for the rollup already under way: {}", e.getCause().getMessage());
            } else {
                log.warn("rollup {} could not run: {}", parameters, e.getCause().toString());
            }
            Thread.sleep(Math.min(RETRY_AFTER.toMillis(), patience.toMillis()));
        }
    }

    @Override
    public void destroy() {
        thread.shutdown();
    }
}
