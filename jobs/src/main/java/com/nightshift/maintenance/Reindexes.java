package com.nightshift.maintenance;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * {@code REINDEX INDEX CONCURRENTLY} of invalid indexes (left by a failed {@code CREATE INDEX CONCURRENTLY}:
 * still written on every insert, never used by a query). Rebuilt concurrently, the table stays writable.
 */
@Component
class Reindexes {

    private final TableActions actions;

    Reindexes(TableActions actions) {
        this.actions = actions;
    }

    private record InvalidIndex(String index, String table, boolean leftover) {
    }

    List<Action> run(boolean dryRun) throws SQLException {
        List<InvalidIndex> invalid = actions.query(jdbc -> jdbc.query("""
                SELECT quote_ident(i.relname) AS index, quote_ident(t.relname) AS table,
                       i.relname ~ '_cc(new|old)[0-9]*$' AS leftover
                FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_class t ON t.oid = x.indrelid
                WHERE NOT x.indisvalid AND i.relnamespace = current_schema()::text::regnamespace
                ORDER BY i.relname""",
                (rs, row) -> new InvalidIndex(rs.getString("index"), rs.getString("table"),
                        rs.getBoolean("leftover"))));
        return invalid.stream().map(index -> {
            String what = "REINDEX INDEX CONCURRENTLY " + index.index() + " ON " + index.table();
            if (index.leftover()) {
                // rebuilding the copy an interrupted REINDEX CONCURRENTLY left would only make another copy
                return TableActions.logged(new Action(what, Action.Outcome.SKIPPED, Duration.ZERO,
                        "a leftover of an interrupted REINDEX CONCURRENTLY: drop it with DROP INDEX CONCURRENTLY "
                                + index.index()));
            }
            return dryRun ? TableActions.logged(Action.wouldDo(what, "invalid"))
                    : actions.run(what, index.table(), connection -> {
                        connection.execute("REINDEX INDEX CONCURRENTLY " + index.index());
                        return "was invalid, now valid";
                    });
        }).toList();
    }
}
