package com.nightshift.health.tables;

import java.util.List;

import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthQueries;

/**
 * Tables whose files are much larger than their live rows need: space left by deleted and updated rows that vacuum
 * marked free but never gave back. The estimate is the live rows (from the last analyze) times their average width
 * plus the per-row overhead, against the table's size; it needs the table analyzed, so tables never analyzed are
 * left to check {@code tables.vacuum-analyze}.
 */

@Component
class BloatCheck implements HealthCheck {

    static final String NAME = "tables.bloat";

    private final HealthQueries queries;
    private final TableThresholds thresholds;

    BloatCheck(HealthQueries queries, TableThresholds thresholds) {
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
            // 28 bytes a row: its 23-byte header, aligned to 24, and its 4-byte line pointer in the page
            List<Finding> found = jdbc.query("""
                    SELECT relname, pg_size_pretty(bytes) AS size, share FROM (
                        SELECT c.relname, pg_relation_size(c.oid) AS bytes,
                               greatest(0, 1 - c.reltuples * (28 + w.width) / pg_relation_size(c.oid)) AS share
                        FROM pg_class c
                        JOIN (SELECT tablename, sum(avg_width) AS width FROM pg_stats
                              WHERE schemaname = current_schema() GROUP BY tablename) w ON w.tablename = c.relname
                        WHERE c.relnamespace = to_regnamespace(current_schema()) AND c.relkind = 'r'
                          AND c.reltuples > 0 AND pg_relation_size(c.oid) >= ?) t
                    WHERE share >= ?
                    ORDER BY share DESC, relname""",
                    (rs, row) -> new Finding(rs.getString("relname") + " (" + rs.getString("size") + ", about "
                            + Finding.percent(rs.getDouble("share")) + " of it without live rows)",
                            rs.getDouble("share")),
                    thresholds.bloatMinSize().toBytes(), thresholds.bloatWarn());
            return Finding.judge(NAME, found, thresholds.bloatWarn(), thresholds.bloatCrit(), "bloat_share",
                    "tables of " + thresholds.bloatMinSize().toMegabytes() + " MB or more mostly empty space",
                    "Scans read the empty pages too. VACUUM makes the space reusable but does not shrink the"
                            + " file; to give it back, rebuild the table in a quiet hour (VACUUM FULL locks it;"
                            + " pg_repack does not)");
        });
    }
}
