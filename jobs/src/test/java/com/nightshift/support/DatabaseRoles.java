package com.nightshift.support;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The roles a chain's database gives its systems, as the README's grants describe them: the owner who migrates
 * (here the superuser {@code postgres}), Nightshift's application role with privileges on the tables only (no
 * superuser, no {@code pg_read_all_stats}, read-only on {@code orders}), and a point-of-sale role that may
 * write {@code orders} and nothing else.
 */
public final class DatabaseRoles {

    public static final String APPLICATION = "nightshift_app";
    public static final String POINT_OF_SALE = "nightshift_pos";

    private DatabaseRoles() {
    }

    /** A new database on the test server, migrated by its owner, on which both roles have their grants. */
    public static String leastPrivilegeDatabase(String prefix) {
        String jdbcUrl = TestServers.get().newDatabase(prefix);
        try {
            Migrations.apply(jdbcUrl);
        } catch (Exception e) {
            throw new IllegalStateException("cannot migrate the test database " + jdbcUrl, e);
        }
        JdbcTemplate owner = new JdbcTemplate(as("postgres", jdbcUrl));
        // roles belong to the server, not to a database: the first test database creates them
        owner.execute("""
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
                    END IF;
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%2$s') THEN
                        CREATE ROLE %2$s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
                    END IF;
                END
                $$""".formatted(APPLICATION, POINT_OF_SALE));
        owner.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + APPLICATION);
        owner.execute("REVOKE INSERT, UPDATE, DELETE ON orders FROM " + APPLICATION);
        owner.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + APPLICATION);
        owner.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON orders TO " + POINT_OF_SALE);
        return jdbcUrl;
    }

    /** The database at {@code jdbcUrl} as {@code role} sees it (one new connection per use). */
    public static DataSource as(String role, String jdbcUrl) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), urlFor(role, jdbcUrl));
    }

    /** The test server's URLs name their user; this one names {@code role} instead. */
    public static String urlFor(String role, String jdbcUrl) {
        return jdbcUrl.replaceFirst("([?&])user=[^&]*", "$1user=" + role);
    }
}
