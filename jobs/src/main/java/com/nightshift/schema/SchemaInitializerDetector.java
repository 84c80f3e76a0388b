package com.nightshift.schema;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Boot that {@link SchemaOnStart} initializes the database, as its own Liquibase bean would: Quartz, the
 * JDBC templates and every bean marked as depending on database initialization are created after it.
 * Registered in {@code META-INF/spring.factories}.
 */
class SchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(SchemaOnStart.class);
    }
}
