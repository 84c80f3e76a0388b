package com.nightshift.health.tables;

import java.util.List;

import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * Busy tables (many rows written since the statistics reset) that have not been vacuumed or analyzed for long:
 * without analyze the planner works from stale row counts, without vacuum dead rows and frozen IDs pile up.
 */
@Component
class UpkeepCheck implements HealthCheck {

    static final String NAME = "tables.vacuum-analyze";

    private final HealthQueries queries;
    private final TableThresholds thresholds;

    UpkeepCheck(HealthQueries queries, TableThresholds thresholds) {
        this.queries = queries;
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckGroup group() {
        return CheckGroup.TABLES;
    }

    @Override
    public CheckResult run() {
        return queries.read(jdbc -> {
            long staleSeconds = thresholds.upkeepStaleAfter().toSeconds();
            List<String> stale = jdbc.query("""
                    SELECT relname, n_tup_ins + n_tup_upd + n_tup_del AS changes,
                           coalesce(to_char(greatest(last_vacuum, last_autovacuum), 'YYYY-MM-DD HH24:MI'), 'never')
                               AS vacuumed,
                           coalesce(to_char(greatest(last_analyze, last_autoanalyze), 'YYYY-MM-DD HH24:MI'), 'never')
                               AS analyzed
                    FROM pg_stat_user_tables
                    WHERE schemaname = current_schema() AND n_tup_ins + n_tup_upd + n_tup_del >= ?
                      AND (coalesce(greatest(last_vacuum, last_autovacuum), '-infinity')
                               < now() - make_interval(secs => ?)
                           OR coalesce(greatest(last_analyze, last_autoanalyze), '-infinity')
                               < now() - make_interval(secs => ?))
                    ORDER BY changes DESC, relname""",
                    (rs, row) -> rs.getString("relname") + " (" + rs.getLong("changes") + " rows written; last"
                            + " vacuumed " + rs.getString("vacuumed") + ", analyzed " + rs.getString("analyzed") + ")",
                    thresholds.busyChanges(), staleSeconds, staleSeconds);
            List<Measurement> values = List.of(new Measurement("stale_busy_tables", stale.size(), 1.0, null,
                    "tables"));
            String rule = "busy tables (" + thresholds.busyChanges() + " rows written or more) not vacuumed or not"
                    + " analyzed within " + thresholds.upkeepStaleAfter().toDays() + " days";
            if (stale.isEmpty()) {
                return new CheckResult(NAME, CheckGroup.TABLES, HealthState.OK, "no " + rule, values);
            }
            return new CheckResult(NAME, CheckGroup.TABLES, HealthState.WARN, rule + ": "
                    + String.join(", ", stale.subList(0, Math.min(5, stale.size())))
                    + (stale.size() > 5 ? " and " + (stale.size() - 5) + " more" : "")
                    + ". Run VACUUM (ANALYZE) on them (the maintenance job will) and check that autovacuum is on"
                    + " (SHOW autovacuum) and not disabled for these tables", values);
        });
    }
}
