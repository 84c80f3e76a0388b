package com.nightshift.maintenance;

import java.sql.SQLException;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * {@code REINDEX INDEX CONCURRENTLY} of invalid indexes (left by a failed {@code CREATE INDEX CONCURRENTLY}:
 * still written on every insert, never used by a query). Rebuilt concurrently, the table stays writable. An invalid
 * index named {@code ..._ccnew} or {@code ..._ccold} is what an interrupted {@code REINDEX CONCURRENTLY} left: the
 * new copy that was never finished, or the old one that was never dropped. PostgreSQL's own advice for both is to
 * drop them ({@code DROP INDEX CONCURRENTLY}): rebuilding one would only make a third copy.
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
        return invalid.stream().map(index -> index.leftover()
                ? act(dryRun, "DROP INDEX CONCURRENTLY", index, "a leftover of an interrupted REINDEX CONCURRENTLY",
                        "a leftover of an interrupted REINDEX CONCURRENTLY, dropped")
                : act(dryRun, "REINDEX INDEX CONCURRENTLY", index, "invalid", "was invalid, now valid")).toList();
    }

    /**
     * @param why  what a dry run says of the index
     * @param done what a real run says once the statement has run
     */
    private Action act(boolean dryRun, String statement, InvalidIndex index, String why, String done) {
        String what = statement + " " + index.index() + " ON " + index.table();
        return dryRun ? TableActions.logged(Action.wouldDo(what, why))
                : actions.run(what, index.table(), connection -> {
                    connection.execute(statement + " " + index.index());
                    return done;
                });
    }
}
