package com.nightshift.health.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.nightshift.config.NightshiftProperties;
import com.nightshift.delivery.Deliveries;
import com.nightshift.health.HealthHistory;
import com.nightshift.health.HealthProperties;
import com.nightshift.health.HealthState;
import com.nightshift.health.StoredResult;

/**
 * Decides what to tell, once: compares each check's latest result with what its people were last told, and
 * records the alerts and plans their letter (one per recipient, a digest when there are several) in ONE
 * transaction, under a lock that makes deciders take turns across processes. So a re-run, a restart or a second
 * instance finds the alerts told already and decides nothing; and a process killed after the commit leaves the
 * letters in the ledger, where the next sending finds them.
 */
@Component
class AlertDecisions {

    private final HealthHistory history;
    private final AlertHistory alertHistory;
    private final Deliveries deliveries;
    private final AlertProperties properties;
    private final AlertRules rules;
    private final AlertLetter letter;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final long timeoutMillis;

    AlertDecisions(HealthHistory history, AlertHistory alertHistory, Deliveries deliveries, AlertProperties properties,
                   NightshiftProperties nightshift, HealthProperties health, JdbcTemplate jdbc,
                   PlatformTransactionManager transactionManager) {
        this.history = history;
        this.alertHistory = alertHistory;
        this.deliveries = deliveries;
        this.properties = properties;
        this.rules = new AlertRules(properties.reminderAfter());
        this.letter = new AlertLetter(properties.language(), nightshift.zone());
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        // a transaction of its own, committed before anything is sent; the ledger's planning joins it (one
        // DataSource), so the alerts and their letters commit together or not at all
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.timeoutMillis = health.statementTimeout().toMillis();
    }

    /**
     * What one decision did: its letters' key (none when nothing was to be told), what it told, and to how many
     * people (0: nobody is configured, nothing was decided).
     */
    record Decision(Optional<String> deliveryKey, List<Alert> alerts, int recipients) {
    }

    /**
     * Decides about the latest result of each of these checks (checks no longer in the engine are left alone).
     *
     * @param jobExecutionId the health run deciding, kept with the alerts (null outside a job)
     */
    Decision decide(Collection<String> checks, Long jobExecutionId) {
        if (properties.recipients().isEmpty()) {
            // nothing is recorded as told: once there are recipients, they hear of what is wrong then
            return new Decision(Optional.empty(), List.of(), 0);
        }
        int recipients = properties.recipients().size();
        return transactions.execute(status -> {
            // the checks' timeout here too: a decider stuck on a sick database (or on a lock another decider
            // holds) fails the step, to be resumed, rather than hang the nightly run; it decided nothing
            jdbc.execute("SET LOCAL statement_timeout = " + timeoutMillis);
            alertHistory.lockUntilCommit();
            List<Alert> alerts = alerts(checks);
            if (alerts.isEmpty()) {
                return new Decision(Optional.empty(), List.of(), recipients);
            }
            String key = alertHistory.newDeliveryKey();
            alertHistory.add(key, jobExecutionId, alerts);
            deliveries.plan(letter.to(properties.recipients(), key, alerts));
            return new Decision(Optional.of(key), alerts, recipients);
        });
    }

    /** The checks whose latest result is not OK, for the step's message when nobody is to be told. */
    List<String> notOk(Collection<String> checks) {
        return history.latest(checks).stream().filter(result -> result.state() != HealthState.OK)
                .map(StoredResult::check).sorted().toList();
    }

    private List<Alert> alerts(Collection<String> checks) {
        Instant now = jdbc.queryForObject("SELECT now()", Timestamp.class).toInstant();
        Map<String, LastAlert> told = alertHistory.lastTold();
        List<Alert> alerts = new ArrayList<>();
        for (StoredResult result : history.latest(checks)) {
            LastAlert last = told.get(result.check());
            rules.judge(result.state(), last, now).ifPresent(kind -> alerts.add(new Alert(kind, result,
                    last == null ? HealthState.OK : last.state(), history.since(result.check(), result.state()),
                    kind == AlertKind.RECOVERY ? last.since() : null)));
        }
        return alerts;
    }
}
