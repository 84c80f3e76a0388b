package com.nightshift.health.tables;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;

/**
 * Sequences near their maximum: when one runs out, every insert into its table fails. A sequence the role may not
 * read is named as such, since its last value is hidden from it and it cannot be judged.
 */

@Component
class SequenceCheck implements HealthCheck {

    static final String NAME = "tables.sequences";

    private final HealthQueries queries;
    private final TableThresholds thresholds;

    SequenceCheck(HealthQueries queries, TableThresholds thresholds) {
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
            List<String> unreadable = new ArrayList<>();
            List<Finding> found = new ArrayList<>();
            jdbc.query("""
                    SELECT sequencename, last_value, min_value, max_value, increment_by,
                           has_sequence_privilege(quote_ident(schemaname) || '.' || quote_ident(sequencename),
                                                  'SELECT') AS readable
                    FROM pg_sequences WHERE schemaname = current_schema() ORDER BY sequencename""", rs -> {
                if (!rs.getBoolean("readable")) {
                    unreadable.add(rs.getString("sequencename"));
                    return;
                }
                long last = rs.getLong("last_value");
                if (rs.wasNull()) {
                    return; // never used
                }
                double min = rs.getLong("min_value");
                double max = rs.getLong("max_value");
                boolean ascending = rs.getLong("increment_by") > 0;
                double share = ascending ? (last - min) / (max - min) : (max - last) / (max - min);
                if (share >= thresholds.sequenceWarn()) {
                    found.add(new Finding(rs.getString("sequencename") + " (at " + last + ", "
                            + (ascending ? "maximum " + (long) max : "minimum " + (long) min) + ")", share));
                }
            });
            found.sort(Comparator.comparingDouble(Finding::share).reversed());
            CheckResult judged = Finding.judge(NAME, found, thresholds.sequenceWarn(), thresholds.sequenceCrit(),
                    "sequence_used_share", "sequences near their limit",
                    "When one runs out, inserts into its table fail: widen it (ALTER SEQUENCE ... AS bigint"
                            + " MAXVALUE ..., and its column to bigint) in a changeset before it does");
            if (unreadable.isEmpty()) {
                return judged;
            }
            return new CheckResult(NAME, CheckGroup.TABLES, judged.state().worse(HealthState.WARN),
                    judged.message() + "; could not check sequence " + String.join(", ", unreadable)
                            + ": the database role may not read it; grant it SELECT on the sequence",
                    judged.values());
        });
    }
}
