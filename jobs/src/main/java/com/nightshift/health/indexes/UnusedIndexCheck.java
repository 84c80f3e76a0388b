package com.nightshift.health.indexes;

import java.util.List;

import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * Indexes above a size that no query has used since the statistics were reset: each slows every write to its
 * table and takes space for nothing. Unique indexes are left out, since they enforce a rule even when never read.
 */
@Component
class UnusedIndexCheck implements HealthCheck {

    static final String NAME = "indexes.unused";
    private static final int LISTED = 5;

    private final HealthQueries queries;
    private final IndexThresholds thresholds;

    UnusedIndexCheck(HealthQueries queries, IndexThresholds thresholds) {
        this.queries = queries;
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckGroup group() {
        return CheckGroup.INDEXES;
    }

    @Override
    public CheckResult run() {
        long minBytes = thresholds.unusedMinSize().toBytes();
        return queries.read(jdbc -> {
            String since = jdbc.queryForObject("""
                    SELECT coalesce('since ' || to_char(stats_reset, 'YYYY-MM-DD HH24:MI TZ'),
                                    'since the statistics began')
                    FROM pg_stat_database WHERE datname = current_database()""", String.class);
            List<String> unused = jdbc.query("""
                    SELECT s.indexrelname, s.relname, pg_size_pretty(pg_relation_size(s.indexrelid)) AS size
                    FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid
                    WHERE s.schemaname = current_schema() AND s.idx_scan = 0 AND NOT i.indisunique
                      AND i.indisvalid AND pg_relation_size(s.indexrelid) >= ?
                    ORDER BY pg_relation_size(s.indexrelid) DESC, s.indexrelname""",
                    (rs, row) -> rs.getString("indexrelname") + " on " + rs.getString("relname") + " ("
                            + rs.getString("size") + ")", minBytes);
            List<Measurement> values = List.of(new Measurement("unused_indexes", unused.size(), 1.0, null,
                    "indexes"));
            String threshold = " of " + thresholds.unusedMinSize().toMegabytes() + " MB or more";
            if (unused.isEmpty()) {
                return new CheckResult(NAME, CheckGroup.INDEXES, HealthState.OK,
                        "no unused index" + threshold + " (no scans " + since + ")", values);
            }
            String listed = String.join(", ", unused.subList(0, Math.min(LISTED, unused.size())))
                    + (unused.size() > LISTED ? " and " + (unused.size() - LISTED) + " more" : "");
            return new CheckResult(NAME, CheckGroup.INDEXES, HealthState.WARN,
                    unused.size() + " index" + (unused.size() == 1 ? "" : "es") + threshold + " never scanned "
                            + since + ": " + listed + ". Each slows every write to its table: if it stays unused"
                            + " through a whole month (month-end reports), drop it with DROP INDEX CONCURRENTLY",
                    values);
        });
    }
}
