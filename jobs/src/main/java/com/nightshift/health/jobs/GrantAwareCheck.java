package com.nightshift.health.jobs;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;

/**
 * A check that reads the engine's own tables (job history, ledger, rollups). A chain may run it under a role that
 * was given fewer tables than the README's grants: the result then names the table and the grant it lacks, rather
 * than a driver's stack of exceptions.
 */
public abstract class GrantAwareCheck implements HealthCheck {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final Pattern TABLE = Pattern.compile("permission denied for (?:table|relation|sequence) (\\S+)");

    private final String name;
    private final CheckGroup group;
    protected final HealthQueries queries;

    protected GrantAwareCheck(String name, CheckGroup group, HealthQueries queries) {
        this.name = name;
        this.group = group;
        this.queries = queries;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckGroup group() {
        return group;
    }

    @Override
    public CheckResult run() {
        try {
            return queries.read(this::judge);
        } catch (DataAccessException e) {
            if (!(e.getMostSpecificCause() instanceof SQLException sql)
                    || !INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())) {
                throw e;
            }
            String role = queries.read(jdbc -> jdbc.queryForObject("SELECT current_user", String.class));
            Matcher table = TABLE.matcher(String.valueOf(sql.getMessage()));
            String grant = table.find() ? "GRANT SELECT ON " + table.group(1) + " TO " + role
                    : "the grants of the README's \"Database roles and grants\"";
            return new CheckResult(name, group, HealthState.WARN, "could not check: the database role '" + role
                    + "' may not read what this check reads (" + sql.getMessage().lines().findFirst().orElse("")
                    + "); give it " + grant, List.of());
        }
    }

    /** Reads and judges, in one read-only transaction under the run's statement timeout. */
    protected abstract CheckResult judge(JdbcTemplate jdbc);
}
