package com.nightshift.health.database;

import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * The database answers, and how fast: one {@code SELECT 1} round trip on a pooled connection. A database that
 * cannot be reached is CRIT (not "could not check"): that is what this check is for.
 */
@Component
class DatabaseLatencyCheck implements HealthCheck {

    static final String NAME = "database.latency";

    private final HealthQueries queries;
    private final DatabaseThresholds thresholds;

    DatabaseLatencyCheck(HealthQueries queries, DatabaseThresholds thresholds) {
        this.queries = queries;
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
        double millis;
        try {
            millis = queries.read(jdbc -> {
                // the transaction has its connection already: time the query alone, not the wait for the pool
                long start = System.nanoTime();
                jdbc.queryForObject("SELECT 1", Integer.class);
                return (System.nanoTime() - start) / 1_000_000.0;
            });
        } catch (DataAccessException | TransactionException e) {
            return new CheckResult(NAME, group(), HealthState.CRIT, "The database cannot be reached: "
                    + e.getMostSpecificCause().getMessage() + ". Check that PostgreSQL is running and that "
                    + "spring.datasource.url points at it.", List.of());
        }
        double warn = thresholds.latencyWarn().toMillis();
        double crit = thresholds.latencyCrit().toMillis();
        HealthState state = Judged.above(millis, warn, crit);
        String message = state == HealthState.OK
                ? String.format("The database answers in %.1f ms.", millis)
                : String.format("The database answers slowly: a round trip took %.1f ms (warn at %.0f ms, crit at "
                        + "%.0f ms). Look for a busy or swapping database server or a slow network to it.",
                        millis, warn, crit);
        return new CheckResult(NAME, group(), state, message,
                List.of(new Measurement("round_trip", millis, warn, crit, "ms")));
    }
}
