package com.nightshift.health.database;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * Connections of every client (the POS, the old system, Nightshift's pool) against {@code max_connections}, less
 * those reserved for superusers: near the limit, new connections are refused. Names the three applications (and users) holding most.
 */
@Component
class ConnectionsCheck implements HealthCheck {

    static final String NAME = "database.connections";

    private final HealthQueries queries;
    private final DatabaseThresholds thresholds;

    ConnectionsCheck(HealthQueries queries, DatabaseThresholds thresholds) {
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
        Map<String, Object> row = queries.read(jdbc -> jdbc.queryForMap("""
                SELECT (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend') AS in_use,
                       current_setting('max_connections')::int
                         - current_setting('superuser_reserved_connections')::int AS allowed,
                       (SELECT string_agg(holder, ', ' ORDER BY held DESC)
                          FROM (SELECT coalesce(nullif(application_name, ''), '(no application name)') || ' as '
                                       || coalesce(usename::text, '?') || ': ' || count(*) AS holder,
                                       count(*) AS held
                                  FROM pg_stat_activity WHERE backend_type = 'client backend'
                                 GROUP BY application_name, usename ORDER BY count(*) DESC LIMIT 3) AS top3) AS top
                """));
        long inUse = ((Number) row.get("in_use")).longValue();
        long allowed = ((Number) row.get("allowed")).longValue();
        double percent = 100.0 * inUse / allowed;
        HealthState state = Judged.above(percent, thresholds.connectionsWarnPercent(),
                thresholds.connectionsCritPercent());
        String message = state == HealthState.OK
                ? String.format("%d of %d connections in use (%.0f%%).", inUse, allowed, percent)
                : String.format("%d of %d connections in use (%.0f%%; warn at %d%%, crit at %d%%); most are held by "
                        + "%s. Close idle clients or lower their pool sizes, or raise max_connections.",
                        inUse, allowed, percent, thresholds.connectionsWarnPercent(),
                        thresholds.connectionsCritPercent(), row.get("top"));
        return new CheckResult(NAME, group(), state, message, List.of(
                new Measurement("connections_in_use", inUse, null, null, "connections"),
                new Measurement("connections_allowed", allowed, null, null, "connections"),
                new Measurement("connections_used", percent, (double) thresholds.connectionsWarnPercent(),
                        (double) thresholds.connectionsCritPercent(), "%")));
    }
}
