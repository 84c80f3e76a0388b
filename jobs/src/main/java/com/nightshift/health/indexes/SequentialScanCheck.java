package com.nightshift.health.indexes;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * Large tables read mostly by sequential scans: the missing-index signal of the seed assessment. Each such scan
 * reads the whole table, so a query that runs often against it wants an index on what it filters by.
 */
@Component
class SequentialScanCheck implements HealthCheck {

    static final String NAME = "indexes.sequential-scans";

    private final HealthQueries queries;
    private final IndexThresholds thresholds;

    SequentialScanCheck(HealthQueries queries, IndexThresholds thresholds) {
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
        return queries.read(jdbc -> {
            List<String> tables = jdbc.query("""
                    SELECT relname, n_live_tup, seq_scan, coalesce(idx_scan, 0) AS idx_scan,
                           seq_scan::float8 / (seq_scan + coalesce(idx_scan, 0)) AS share
                    FROM pg_stat_user_tables
                    WHERE schemaname = current_schema() AND n_live_tup >= ? AND seq_scan >= ?
                      AND seq_scan::float8 / (seq_scan + coalesce(idx_scan, 0)) >= ?
                    ORDER BY seq_tup_read DESC, relname""",
                    (rs, row) -> rs.getString("relname") + " (" + rs.getLong("n_live_tup") + " rows, "
                            + rs.getLong("seq_scan") + " sequential scans against " + rs.getLong("idx_scan")
                            + " index scans, " + String.format(Locale.ROOT, "%.0f%%", rs.getDouble("share") * 100)
                            + ")",
                    thresholds.seqScanMinRows(), thresholds.seqScanMinCount(), thresholds.seqScanShareWarn());
            List<Measurement> values = List.of(new Measurement("tables_mostly_scanned", tables.size(), 1.0, null,
                    "tables"));
            String rule = String.format(Locale.ROOT, "tables of %d rows or more where sequential scans are %.0f%%"
                    + " or more of the scans", thresholds.seqScanMinRows(), thresholds.seqScanShareWarn() * 100);
            if (tables.isEmpty()) {
                return new CheckResult(NAME, CheckGroup.INDEXES, HealthState.OK, "no " + rule, values);
            }
            return new CheckResult(NAME, CheckGroup.INDEXES, HealthState.WARN,
                    rule + ": " + String.join(", ", tables) + ". Each scan reads the whole table: find the"
                            + " query that reads it (pg_stat_statements, or the slow-query log) and add an index"
                            + " on the columns it filters by, in a changeset", values);
        });
    }
}
