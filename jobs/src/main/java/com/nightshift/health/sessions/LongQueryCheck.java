package com.nightshift.health.sessions;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;

/**
 * Queries that have been running for long: after the nightly rollup nothing of Nightshift's should still run, so
 * a long one is a report of a chain's own tool, a stuck statement or a missing index; it holds its snapshot and
 * may hold locks the chain's writes wait for.
 */
@Component
class LongQueryCheck extends SessionCheck {

    static final String NAME = "sessions.long-queries";

    LongQueryCheck(HealthQueries queries, SessionThresholds thresholds) {
        super(NAME, queries, thresholds);
    }

    @Override
    protected CheckResult judge(JdbcTemplate jdbc) {
        List<Session> running = SessionActivity.where(jdbc,
                "state = 'active' AND now() - query_start >= interval '"
                        + thresholds.longQueryWarn().toMillis() + " milliseconds'",
                "query_start");
        return SessionVerdict.judge(NAME, running, thresholds.longQueryWarn(), thresholds.longQueryCrit(),
                "queries running longer than the threshold",
                session -> session.who() + " running for " + Session.seconds(session.age()) + ": "
                        + session.queryStart(),
                "Find out whose query it is and whether it should take so long (a missing index?); to cancel"
                        + " one, run SELECT pg_cancel_backend(<pid>)");
    }
}
