package com.nightshift.support;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.core.io.DefaultResourceLoader;

import com.zaxxer.hikari.HikariDataSource;

import liquibase.integration.spring.SpringLiquibase;

/** Applies Nightshift's changelog to a database the way the engine does at start-up. */
public final class Migrations {

    public static final String CHANGELOG = "classpath:changelog/db.changelog-master.xml";

    private Migrations() {
    }

    public static void apply(String jdbcUrl) throws Exception {
        apply(jdbcUrl, CHANGELOG);
    }

    /** Applies another changelog, e.g. one that stops at an earlier release. */
    public static void apply(String jdbcUrl, String changelog) throws Exception {
        try (HikariDataSource dataSource = dataSource(jdbcUrl)) {
            SpringLiquibase liquibase = new SpringLiquibase();
            liquibase.setDataSource(dataSource);
            liquibase.setChangeLog(changelog);
            liquibase.setResourceLoader(new DefaultResourceLoader());
            liquibase.afterPropertiesSet();
        }
    }

    public static HikariDataSource dataSource(String jdbcUrl) {
        return DataSourceBuilder.create().type(HikariDataSource.class)
                .url(jdbcUrl).username("postgres").build();
    }
}
