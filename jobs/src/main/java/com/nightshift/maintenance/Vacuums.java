package com.nightshift.maintenance;

import java.sql.SQLException;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * {@code VACUUM (ANALYZE)} of the tables with many dead rows (left by updates and deletes, read past by every
 * scan until vacuum reclaims them), the most dead rows first.
 */
@Component
class Vacuums {

    private static final String PERMISSION_DENIED = "42501";

    /** Who may vacuum a table: from PostgreSQL 17 its MAINTAIN privilege; before, its owner or a superuser. */
    private static final String MAY_VACUUM = """
            SELECT CASE WHEN current_setting('server_version_num')::int >= 170000
                        THEN has_table_privilege(c.oid, 'MAINTAIN')
                        ELSE pg_has_role(c.relowner, 'USAGE')
                             OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
                   END
            FROM pg_class c WHERE c.oid = to_regclass(?)""";

    private final TableActions actions;
    private final MaintenanceProperties properties;

    Vacuums(TableActions actions, MaintenanceProperties properties) {
        this.actions = actions;
        this.properties = properties;
    }

    private record DeadRows(String table, long dead, long rows) {

        String detail() {
            return dead + " dead rows of " + rows;
        }
    }

    List<Action> run(boolean dryRun) throws SQLException {
        List<DeadRows> tables = actions.query(jdbc -> jdbc.query("""
                SELECT quote_ident(relname) AS name, n_dead_tup, n_live_tup + n_dead_tup AS total
                FROM pg_stat_user_tables
                WHERE schemaname = current_schema() AND n_dead_tup >= ?
                  AND n_dead_tup::float8 / (n_live_tup + n_dead_tup) >= ?
                ORDER BY n_dead_tup DESC, relname""",
                (rs, row) -> new DeadRows(rs.getString("name"), rs.getLong("n_dead_tup"), rs.getLong("total")),
                Math.max(1, properties.vacuumMinDeadRows()), properties.vacuumMinDeadRatio()));
        return tables.stream().map(table -> {
            String what = "VACUUM (ANALYZE) " + table.table();
            return dryRun ? TableActions.logged(Action.wouldDo(what, table.detail()))
                    : actions.run(what, table.table(), connection -> vacuum(connection, table));
        }).toList();
    }

    private static String vacuum(MaintenanceConnection connection, DeadRows table) throws SQLException {
        // PostgreSQL skips a table the role may not vacuum with a bare warning, no error and no SQLSTATE: ask first
        if (!Boolean.TRUE.equals(connection.jdbc().queryForObject(MAY_VACUUM, Boolean.class, table.table()))) {
            throw new SQLException("permission denied to vacuum " + table.table() + " (the role neither owns it nor "
                    + "has its MAINTAIN privilege)", PERMISSION_DENIED);
        }
        connection.execute("VACUUM (ANALYZE) " + table.table());
        return "had " + table.detail();
    }
}
