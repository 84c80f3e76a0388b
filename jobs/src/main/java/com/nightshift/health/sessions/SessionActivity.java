package com.nightshift.health.sessions;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the other sessions of Nightshift's database. Only a superuser or a member of {@code pg_read_all_stats}
 * sees other users' state and query text: for anyone else they are hidden, and a check would wrongly find
 * nothing, so it asks first whether it may look.
 */
final class SessionActivity {

    /** Enough of the query text to recognise it; pg_stat_activity keeps 1 kB by default. */
    private static final int QUERY_START = 80;

    private SessionActivity() {
    }

    /** Null when the role may see every session, otherwise why it may not, for the result's message. */
    static String whyNotVisible(JdbcTemplate jdbc) {
        Boolean visible = jdbc.queryForObject("""
                SELECT rolsuper OR pg_has_role(current_user, 'pg_read_all_stats', 'USAGE')
                FROM pg_roles WHERE rolname = current_user""", Boolean.class);
        if (Boolean.TRUE.equals(visible)) {
            return null;
        }
        String role = jdbc.queryForObject("SELECT current_user", String.class);
        return "the database role '" + role + "' may not see other users' sessions (PostgreSQL hides their state"
                + " and query); to check sessions, grant it the statistics role: GRANT pg_read_all_stats TO "
                + role;
    }

    /**
     * Sessions of this database other than the check's own, with {@code ageSql} (an expression over
     * pg_stat_activity) as their age, that satisfy {@code conditionSql}, oldest first.
     */
    static List<Session> where(JdbcTemplate jdbc, String conditionSql, String ageSql) {
        return jdbc.query("""
                SELECT pid, coalesce(application_name, '') AS application, coalesce(usename, '') AS usr, state,
                       extract(epoch FROM now() - %2$s)::float8 AS age,
                       left(regexp_replace(coalesce(query, ''), '\\s+', ' ', 'g'), %3$d) AS query,
                       pg_blocking_pids(pid) AS blockers
                FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                  AND (%1$s)
                ORDER BY age DESC NULLS LAST""".formatted(conditionSql, ageSql, QUERY_START),
                (rs, row) -> new Session(rs.getInt("pid"), rs.getString("application"), rs.getString("usr"),
                        rs.getString("state"), rs.getDouble("age"), rs.getString("query"),
                        blockers(rs.getArray("blockers"))));
    }

    private static List<Integer> blockers(Array array) throws SQLException {
        try {
            return Arrays.stream((Integer[]) array.getArray()).toList();
        } finally {
            array.free();
        }
    }
}
