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
 * B-tree indexes made redundant by another on the same table: the same columns, or columns that are a leading
 * prefix of the other's, which serves every query the shorter one does. Only plain indexes are compared (no
 * expression, no predicate), and a unique index is never the redundant one since it enforces a rule.
 */
@Component
class DuplicateIndexCheck implements HealthCheck {

    static final String NAME = "indexes.duplicate";
    /** More are counted, not listed: the message must stay readable in an email. */
    private static final int LISTED = 5;

    private final HealthQueries queries;

    DuplicateIndexCheck(HealthQueries queries) {
        this.queries = queries;
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
            // int2vector's text is the column numbers separated by spaces: a prefix in text is a prefix in columns
            List<String> redundant = jdbc.query("""
                    SELECT r.relname AS redundant, k.relname AS kept, t.relname AS table_name,
                           r_i.indkey::text = k_i.indkey::text AS same
                    FROM pg_index r_i
                    JOIN pg_index k_i ON k_i.indrelid = r_i.indrelid AND k_i.indexrelid <> r_i.indexrelid
                    JOIN pg_class r ON r.oid = r_i.indexrelid
                    JOIN pg_class k ON k.oid = k_i.indexrelid
                    JOIN pg_class t ON t.oid = r_i.indrelid
                    WHERE t.relnamespace = to_regnamespace(current_schema())
                      AND r.relam = (SELECT oid FROM pg_am WHERE amname = 'btree') AND k.relam = r.relam
                      AND r_i.indexprs IS NULL AND k_i.indexprs IS NULL
                      AND r_i.indpred IS NULL AND k_i.indpred IS NULL
                      AND r_i.indisvalid AND k_i.indisvalid AND NOT r_i.indisunique
                      AND (k_i.indkey::text LIKE r_i.indkey::text || ' %'
                           OR (r_i.indkey::text = k_i.indkey::text
                               AND (k_i.indisunique OR r_i.indexrelid > k_i.indexrelid)))
                    ORDER BY t.relname, r.relname""",
                    (rs, row) -> rs.getString("redundant") + " on " + rs.getString("table_name") + " ("
                            + (rs.getBoolean("same") ? "the same columns as " : "a prefix of ")
                            + rs.getString("kept") + ")");
            List<Measurement> values = List.of(new Measurement("duplicate_indexes", redundant.size(), 1.0, null,
                    "indexes"));
            if (redundant.isEmpty()) {
                return new CheckResult(NAME, CheckGroup.INDEXES, HealthState.OK, "no duplicate index", values);
            }
            return new CheckResult(NAME, CheckGroup.INDEXES, HealthState.WARN,
                    "redundant index " + String.join(", ", redundant.subList(0, Math.min(LISTED, redundant.size())))
                            + (redundant.size() > LISTED ? " and " + (redundant.size() - LISTED) + " more" : "")
                            + ": the other index serves the same"
                            + " queries, this one only slows writes; drop it with DROP INDEX CONCURRENTLY (in a"
                            + " changeset, if the changelog made it)", values);
        });
    }
}
