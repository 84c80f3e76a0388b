package com.nightshift.schema;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liquibase.Liquibase;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.DropIndexChange;
import liquibase.change.core.DropTableChange;
import liquibase.changelog.ChangeSet;
import liquibase.exception.LiquibaseException;

/**
 * The indexes the changelog creates, by name: those, and only those, are rebuilt when a failed concurrent
 * build left them invalid. An index someone else is building on the same table is not touched.
 */
final class DeclaredIndexes {

    private static final Pattern CREATE_INDEX = Pattern.compile(
            "CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?(\\w+)",
            Pattern.CASE_INSENSITIVE);

    /** The statements that make or unmake an index, in the order they appear. */
    private static final Pattern INDEX_STATEMENT = Pattern.compile(
            "CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(\"?\\w+\"?)"
                    + "\\s+ON\\s+(?:ONLY\\s+)?([\"\\w.]+)"
                    + "|DROP\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+EXISTS\\s+)?(\"?\\w+\"?)"
                    + "|DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?([\"\\w.]+)",
            Pattern.CASE_INSENSITIVE);

    private DeclaredIndexes() {
    }

    static Set<String> of(Liquibase liquibase) throws LiquibaseException {
        Set<String> names = new HashSet<>();
        for (ChangeSet changeSet : liquibase.getDatabaseChangeLog().getChangeSets()) {
            for (Change change : changeSet.getChanges()) {
                if (change instanceof CreateIndexChange index) {
                    names.add(index.getIndexName());
                } else if (change instanceof AbstractSQLChange sql && sql.getSql() != null) {
                    Matcher matcher = CREATE_INDEX.matcher(sql.getSql());
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                }
            }
        }
        return names;
    }

    /**
     * The indexes the changelog leaves standing, by name as PostgreSQL stores it (an unquoted name folded to
     * lower case): created, and not dropped since with their table or by name.
     */
    static Set<String> standing(Liquibase liquibase) throws LiquibaseException {
        Map<String, String> tableByIndex = new LinkedHashMap<>();
        for (ChangeSet changeSet : liquibase.getDatabaseChangeLog().getChangeSets()) {
            for (Change change : changeSet.getChanges()) {
                if (change instanceof CreateIndexChange index) {
                    tableByIndex.put(stored(index.getIndexName()), stored(index.getTableName()));
                } else if (change instanceof DropIndexChange index) {
                    tableByIndex.remove(stored(index.getIndexName()));
                } else if (change instanceof DropTableChange table) {
                    tableByIndex.values().removeIf(stored(table.getTableName())::equals);
                } else if (change instanceof AbstractSQLChange sql && sql.getSql() != null) {
                    Matcher matcher = INDEX_STATEMENT.matcher(sql.getSql());
                    while (matcher.find()) {
                        if (matcher.group(1) != null) {
                            tableByIndex.put(stored(matcher.group(1)), stored(matcher.group(2)));
                        } else if (matcher.group(3) != null) {
                            tableByIndex.remove(stored(matcher.group(3)));
                        } else {
                            tableByIndex.values().removeIf(stored(matcher.group(4))::equals);
                        }
                    }
                }
            }
        }
        return Set.copyOf(tableByIndex.keySet());
    }

    /**
     * PostgreSQL keeps a quoted name as written and folds an unquoted one to lower case; a schema in front is
     * left out, since the check looks at the schema Nightshift runs in.
     */
    private static String stored(String qualified) {
        String name = qualified.substring(qualified.lastIndexOf('.') + 1);
        return name.startsWith("\"") ? name.replace("\"", "") : name.toLowerCase(Locale.ROOT);
    }
}
