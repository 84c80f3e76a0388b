package com.nightshift.health.tables;

import java.util.List;

import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthQueries;

/**
 * Tables where dead rows (left by updates and deletes until vacuum reclaims them) are a large share: every scan
 * reads past them, and autovacuum is not keeping up with the table.
 */
@Component
class DeadTuplesCheck implements HealthCheck {

    static final String NAME = "tables.dead-tuples";

    private final HealthQueries queries;
    private final TableThresholds thresholds;

    DeadTuplesCheck(HealthQueries queries, TableThresholds thresholds) {
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
            List<Finding> found = jdbc.query("""
                    SELECT relname, n_dead_tup, n_live_tup + n_dead_tup AS total,
                           n_dead_tup::float8 / (n_live_tup + n_dead_tup) AS share,
                           coalesce(to_char(greatest(last_vacuum, last_autovacuum), 'YYYY-MM-DD HH24:MI'), 'never')
                               AS vacuumed
                    FROM pg_stat_user_tables
                    WHERE schemaname = current_schema() AND n_live_tup + n_dead_tup >= ?
                      AND n_dead_tup::float8 / (n_live_tup + n_dead_tup) >= ?
                    ORDER BY share DESC, relname""",
                    (rs, row) -> new Finding(rs.getString("relname") + " (" + Finding.percent(rs.getDouble("share"))
                            + " dead: " + rs.getLong("n_dead_tup") + " of " + rs.getLong("total")
                            + " rows; last vacuumed " + rs.getString("vacuumed") + ")", rs.getDouble("share")),
                    thresholds.minRows(), thresholds.deadRatioWarn());
            return Finding.judge(NAME, found, thresholds.deadRatioWarn(), thresholds.deadRatioCrit(),
                    "dead_rows_share", "tables of " + thresholds.minRows() + " rows or more with many dead rows",
                    "Run VACUUM (ANALYZE) on them (the maintenance job will), and find out why autovacuum falls"
                            + " behind: a long transaction or a session idle in transaction (see the sessions"
                            + " checks) keeps it from removing them");
        });
    }
}
