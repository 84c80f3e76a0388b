package com.nightshift.health.sessions;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;

/**
 * Sessions that opened a transaction and then wait, doing nothing: the leak the old system suspected. Such a
 * session holds its locks and its snapshot, so vacuum cannot clean what changed since, and a pool that lends it
 * out again hands over a transaction half done.
 */
@Component
class IdleInTransactionCheck extends SessionCheck {

    static final String NAME = "sessions.idle-in-transaction";

    IdleInTransactionCheck(HealthQueries queries, SessionThresholds thresholds) {
        super(NAME, queries, thresholds);
    }

    @Override
    protected CheckResult judge(JdbcTemplate jdbc) {
        // state_change is when the session went idle: that is how long its transaction has been left open
        List<Session> idle = SessionActivity.where(jdbc,
                "state LIKE 'idle in transaction%' AND now() - state_change >= interval '"
                        + thresholds.idleInTransactionWarn().toMillis() + " milliseconds'",
                "state_change");
        return SessionVerdict.judge(NAME, idle, thresholds.idleInTransactionWarn(),
                thresholds.idleInTransactionCrit(), "sessions idle in transaction longer than the threshold",
                session -> session.who() + " idle in transaction for " + Session.seconds(session.age())
                        + ", last query " + session.queryStart(),
                "They hold locks and keep vacuum from cleaning up: find where the application leaves a"
                        + " transaction open without commit or rollback; to end one now, run"
                        + " SELECT pg_terminate_backend(<pid>)");
    }
}
