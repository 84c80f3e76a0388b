package com.nightshift.health.sessions;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;

/**
 * Queries waiting for a lock another session holds: the chain's writes stalled behind a forgotten transaction or
 * a long maintenance statement. The message names the blocked and the blocking sessions.
 */
@Component
class BlockedQueryCheck extends SessionCheck {

    static final String NAME = "sessions.blocked-queries";

    BlockedQueryCheck(HealthQueries queries, SessionThresholds thresholds) {
        super(NAME, queries, thresholds);
    }

    @Override
    protected CheckResult judge(JdbcTemplate jdbc) {
        // an active query's query_start is when it began to wait, as far as the waiter can tell
        List<Session> blocked = SessionActivity.where(jdbc,
                "state = 'active' AND cardinality(pg_blocking_pids(pid)) > 0 AND now() - query_start >= interval '"
                        + thresholds.blockedWarn().toMillis() + " milliseconds'",
                "query_start");
        return SessionVerdict.judge(NAME, blocked, thresholds.blockedWarn(), thresholds.blockedCrit(),
                "queries waiting for a lock longer than the threshold",
                session -> session.who() + " waiting for " + Session.seconds(session.age()) + " on "
                        + (session.blockers().size() == 1 ? "pid " : "pids ") + Session.pids(session.blockers())
                        + ": " + session.queryStart(),
                "Look at the blocking sessions (check sessions.idle-in-transaction and sessions.long-queries"
                        + " name them too); end the one at fault with SELECT pg_terminate_backend(<pid>)");
    }
}
