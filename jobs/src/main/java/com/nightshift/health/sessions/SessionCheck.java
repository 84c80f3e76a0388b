package com.nightshift.health.sessions;

import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthQueries;

/**
 * A check of the database's sessions: each reads {@code pg_stat_activity}, which shows other users' queries only
 * to a role allowed to see them, so a role that may not is told what to grant rather than shown nothing.
 */
abstract class SessionCheck implements HealthCheck {

    private final String name;
    private final HealthQueries queries;
    protected final SessionThresholds thresholds;

    SessionCheck(String name, HealthQueries queries, SessionThresholds thresholds) {
        this.name = name;
        this.queries = queries;
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckGroup group() {
        return CheckGroup.SESSIONS;
    }

    @Override
    public CheckResult run() {
        return queries.read(jdbc -> {
            String why = SessionActivity.whyNotVisible(jdbc);
            return why != null ? SessionVerdict.cannotCheck(name, why) : judge(jdbc);
        });
    }

    /** The sessions this check looks for, judged against its thresholds; the sessions are visible here. */
    protected abstract CheckResult judge(JdbcTemplate jdbc);
}
