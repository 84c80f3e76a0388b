package com.nightshift.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The changelog's indexes that a failed {@code CREATE INDEX CONCURRENTLY} left invalid: useless for reads, still
 * a cost for every write, and kept for ever by {@code IF NOT EXISTS} unless someone builds them again.
 */
final class InvalidIndexes {

    private static final Logger log = LoggerFactory.getLogger(InvalidIndexes.class);

    private final JdbcTemplate jdbc;
    /** Definitions by index name, as {@code pg_get_indexdef} gives them. */
    private final Map<String, String> definitions;

    private InvalidIndexes(JdbcTemplate jdbc, Map<String, String> definitions) {
        this.jdbc = jdbc;
        this.definitions = definitions;
    }

    /** @param declared the names of the indexes the changelog creates; others are not ours to touch */
    static InvalidIndexes among(Set<String> declared, JdbcTemplate jdbc) {
        Map<String, String> definitions = new LinkedHashMap<>();
        jdbc.query("""
                SELECT c.relname, pg_get_indexdef(c.oid)
                FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE NOT i.indisvalid AND c.relnamespace = to_regnamespace(current_schema())
                ORDER BY c.relname""", rs -> {
            if (declared.contains(rs.getString(1))) {
                definitions.put(rs.getString(1), rs.getString(2));
            }
        });
        return new InvalidIndexes(jdbc, definitions);
    }

    Set<String> names() {
        return definitions.keySet();
    }

    /**
     * Drops each and builds it again from its own definition, concurrently, so the table stays writable. The
     * connection must be in auto-commit: concurrent builds cannot run in a transaction.
     *
     * @return the indexes built again
     */
    List<String> rebuild(LockRetry retry) throws Exception {
        List<String> rebuilt = new ArrayList<>();
        for (Map.Entry<String, String> index : definitions.entrySet()) {
            String drop = "DROP INDEX CONCURRENTLY IF EXISTS \"" + index.getKey().replace("\"", "\"\"") + "\"";
            String create = index.getValue().replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY ");
            log.warn("Index {} is invalid (a concurrent build failed): building it again", index.getKey());
            retry.run(drop, () -> jdbc.execute(drop));
            retry.run(create, () -> {
                try {
                    jdbc.execute(create);
                } catch (RuntimeException e) {
                    // a build that gave up leaves an invalid index behind: drop it before the next attempt
                    jdbc.execute(drop);
                    throw e;
                }
            });
            rebuilt.add(index.getKey());
        }
        return rebuilt;
    }
}
