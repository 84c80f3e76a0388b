package com.nightshift.schema;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The engine's first word with the database: checks that the schema is current, or brings it up to date where
 * {@code nightshift.schema.migrate-on-start} says so. Every bean that needs the schema is created after this
 * one ({@link SchemaInitializerDetector}), so a database that is behind stops the engine before it starts work.
 * Part of the engine only: {@code nightshift migrate} ({@link SchemaApplication}) migrates by itself.
 */
@Component
class SchemaOnStart implements InitializingBean {

    private final SchemaMigration migration;
    private final SchemaProperties properties;

    SchemaOnStart(SchemaMigration migration, SchemaProperties properties) {
        this.migration = migration;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.migrateOnStart()) {
            migration.migrate();
        } else {
            migration.requireCurrent();
        }
    }
}
