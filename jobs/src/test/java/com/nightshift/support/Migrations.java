package com.nightshift.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.jdbc.DataSourceBuilder;

import com.zaxxer.hikari.HikariDataSource;

/** Applies Nightshift's changelog to a database as an operator does: {@code nightshift migrate}. */
public final class Migrations {

    private Migrations() {
    }

    public static void apply(String jdbcUrl) {
        run(migrateArguments(jdbcUrl));
    }

    /** Applies another changelog, e.g. one that stops at an earlier release. */
    public static void apply(String jdbcUrl, String changelog) {
        run(migrateArguments(jdbcUrl, "--nightshift.schema.change-log=" + changelog));
    }

    private static void run(String[] arguments) {
        CliRun migrate = CliRun.of(arguments);
        if (migrate.exitCode() != 0) {
            throw new IllegalStateException("nightshift migrate failed (" + migrate.exitCode() + "): " + migrate.err());
        }
    }

    /** {@code migrate} with the settings that point it at a test database. */
    public static String[] migrateArguments(String jdbcUrl, String... settings) {
        List<String> arguments = new ArrayList<>();
        arguments.add("migrate");
        arguments.addAll(TestServers.get().serverArguments(jdbcUrl));
        arguments.addAll(List.of(settings));
        return arguments.toArray(String[]::new);
    }

    public static HikariDataSource dataSource(String jdbcUrl) {
        return DataSourceBuilder.create().type(HikariDataSource.class)
                .url(jdbcUrl).username("postgres").build();
    }
}
