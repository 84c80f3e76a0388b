package com.nightshift.health.indexes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.nightshift.schema.SchemaMigration;

/**
 * Every index the changelog declares exists, and no index of the schema is invalid. An invalid index is what a
 * failed {@code CREATE INDEX CONCURRENTLY} leaves: the planner ignores it, every write still pays for it, and
 * {@code IF NOT EXISTS} would keep it for ever. The declared names come from the changelog itself
 * ({@link SchemaMigration#declaredIndexes()}), so a new changeset needs no second list; invalid indexes are
 * reported whoever made them, since any of them slows the chain's writes.
 */
@Component
class InvalidIndexCheck implements HealthCheck {

    static final String NAME = "indexes.invalid";

    private final HealthQueries queries;
    private final SchemaMigration schema;

    InvalidIndexCheck(HealthQueries queries, SchemaMigration schema) {
        this.queries = queries;
        this.schema = schema;
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
        Set<String> declared = schema.declaredIndexes();
        return queries.read(jdbc -> {
            Set<String> existing = new TreeSet<>();
            List<String> invalid = new ArrayList<>();
            jdbc.query("""
                    SELECT c.relname, i.indisvalid, t.relname AS table_name
                    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
                    WHERE c.relnamespace = to_regnamespace(current_schema())
                    ORDER BY c.relname""", rs -> {
                existing.add(rs.getString("relname"));
                if (!rs.getBoolean("indisvalid")) {
                    invalid.add(rs.getString("relname") + " on " + rs.getString("table_name"));
                }
            });
            Set<String> missing = new TreeSet<>(declared);
            missing.removeAll(existing);
            return result(invalid, missing, declared.size());
        });
    }

    private static CheckResult result(List<String> invalid, Set<String> missing, int declared) {
        List<Measurement> values = List.of(new Measurement("invalid_indexes", invalid.size(), null, 1.0, "indexes"),
                new Measurement("missing_indexes", missing.size(), null, 1.0, "indexes"));
        if (invalid.isEmpty() && missing.isEmpty()) {
            return new CheckResult(NAME, CheckGroup.INDEXES, HealthState.OK,
                    "all " + declared + " indexes the changelog declares exist and every index is valid", values);
        }
        List<String> problems = new ArrayList<>();
        if (!invalid.isEmpty()) {
            problems.add("invalid index " + String.join(", ", invalid) + " (a concurrent build failed: reads"
                    + " ignore it, writes still pay for it); run 'nightshift migrate' to build the changelog's"
                    + " again, or REINDEX INDEX CONCURRENTLY <name> (DROP INDEX CONCURRENTLY if it is not ours)");
        }
        if (!missing.isEmpty()) {
            problems.add("the changelog declares index " + String.join(", ", missing) + " but the database has"
                    + " none by that name (dropped by hand?); run 'nightshift migrate' or create it again from"
                    + " its changeset");
        }
        return new CheckResult(NAME, CheckGroup.INDEXES, HealthState.CRIT, String.join("; ", problems), values);
    }
}
