package com.nightshift.schema;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liquibase.Liquibase;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.core.CreateIndexChange;
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
}
