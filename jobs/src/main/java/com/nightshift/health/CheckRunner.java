package com.nightshift.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Runs one check on its own, so that nothing it does can fail the run: an exception, or taking longer than
 * {@code nightshift.health.run.check-timeout}, becomes its result, WARN "could not check: ...". WARN rather than
 * CRIT because what was to be checked is not known to be bad; the message says why it could not look.
 */
@Component
public class CheckRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CheckRunner.class);

    private final Duration timeout;
    // daemon threads: a check stuck in a read without a timeout must not keep the process alive
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "health-check");
        thread.setDaemon(true);
        return thread;
    });

    CheckRunner(HealthRunProperties properties) {
        this.timeout = properties.checkTimeout();
    }

    public CheckResult run(HealthCheck check) {
        Future<CheckResult> running = threads.submit(check::run);
        try {
            CheckResult result = running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (result == null) {
                return couldNotCheck(check, "the check returned no result");
            }
            return result;
        } catch (TimeoutException e) {
            running.cancel(true);
            return couldNotCheck(check, "timed out after " + timeout.toMillis() + " ms "
                    + "(nightshift.health.run.check-timeout)");
        } catch (ExecutionException e) {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e.getCause());
            log.warn("Health check {} could not run", check.name(), e.getCause());
            return couldNotCheck(check, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return couldNotCheck(check, "the run was interrupted");
        }
    }

    private static CheckResult couldNotCheck(HealthCheck check, String why) {
        return new CheckResult(check.name(), check.group(), HealthState.WARN, "could not check: " + why,
                List.of());
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
