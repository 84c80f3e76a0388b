package com.nightshift.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The record of operator actions (changelog 018), newest first. */
@Repository
public class OperatorActions {

    /**
     * The request attribute in which a console form puts the status the API would have answered the same action
     * (an {@code Integer}, 202 or 409...): the form itself answers with a redirect either way, and the record must
     * read alike whichever way the action came.
     */
    public static final String ANSWERED_STATUS = OperatorActions.class.getName() + ".answeredStatus";

    /**
     * With {@link #ANSWERED_STATUS}: where the action's result is, as the API's {@code Location} would say it
     * ({@code /api/jobs/executions/43}); absent when there is none, as for every refusal.
     */
    public static final String ANSWERED_OUTCOME = OperatorActions.class.getName() + ".answeredOutcome";

    /** Who acted while logins are off: no one logged in, so no name to record. */
    public static final String ANONYMOUS = "anonymous";

    /**
     * How the address of an action done from the command line starts, before the host's name: such an action has
     * no network address, and the audit page tells it from a browser's or a script's by this.
     */
    public static final String COMMAND_LINE = "cli:";

    private final JdbcTemplate jdbc;

    OperatorActions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an action done from the command line ({@code run}, {@code stop}, {@code restart}), as the API would
     * record the same request: the same action, target and status.
     *
     * @param user the operating system's user who ran the command
     * @param host the machine it ran on
     */
    public void recordCommandLine(String user, String host, String action, String target, int status,
                                  String outcome) {
        record(user, action, target, status, outcome, COMMAND_LINE + host);
    }

    void record(String user, String action, String target, int status, String outcome, String address) {
        jdbc.update("INSERT INTO operator_action (user_name, action, target, status, outcome, address) "
                + "VALUES (?, ?, ?, ?, ?, ?)", user, action, target, status, outcome, address);
    }

    /** At most {@code limit} actions older than {@code before} (an id; null for the newest), newest first. */
    public List<OperatorAction> page(Long before, int limit) {
        return jdbc.query("""
                SELECT id, at, user_name, action, target, status, outcome, address FROM operator_action
                WHERE id < coalesce(?, 9223372036854775807) ORDER BY id DESC LIMIT ?
                """, OperatorActions::action, before, limit);
    }

    /**
     * The newest {@code limit} actions on any of {@code targets}, newest first: everything done to a run, whichever
     * of its executions it was done to (a restart is recorded against the execution restarted, not the new one).
     */
    public List<OperatorAction> about(Collection<String> targets, int limit) {
        return jdbc.query("""
                SELECT id, at, user_name, action, target, status, outcome, address FROM operator_action
                WHERE target = ANY(?) ORDER BY id DESC LIMIT ?
                """, OperatorActions::action, targets.toArray(String[]::new), limit);
    }

    /**
     * The newest {@code limit} of the given {@code actions} on one target, newest first: who paused a schedule
     * however often it was fired since.
     */
    public List<OperatorAction> about(String target, Collection<String> actions, int limit) {
        return jdbc.query("""
                SELECT id, at, user_name, action, target, status, outcome, address FROM operator_action
                WHERE target = ? AND action = ANY(?) ORDER BY id DESC LIMIT ?
                """, OperatorActions::action, target, actions.toArray(String[]::new), limit);
    }

    private static OperatorAction action(ResultSet rs, int row) throws SQLException {
        return new OperatorAction(rs.getLong("id"), rs.getObject("at", Timestamp.class).toInstant(),
                rs.getString("user_name"), rs.getString("action"), rs.getString("target"), rs.getInt("status"),
                rs.getString("outcome"), rs.getString("address"));
    }
}
