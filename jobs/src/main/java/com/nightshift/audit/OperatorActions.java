package com.nightshift.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The record of operator actions (changelog 018), newest first. */
@Repository
public class OperatorActions {

    /**
     * The request attribute in which a console page that refused an action (and redirected, as it does when it
     * succeeds) puts the status the API would have answered, e.g. 409, an {@code Integer}, for the record.
     */
    public static final String REFUSED_STATUS = OperatorActions.class.getName() + ".refusedStatus";

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
     * The newest {@code limit} actions on one target, newest first: who stopped or restarted execution 42
     * ({@code jobs/executions/42}), who paused a schedule ({@code schedules/rollup-full}).
     */
    public List<OperatorAction> about(String target, int limit) {
        return jdbc.query("""
                SELECT id, at, user_name, action, target, status, outcome, address FROM operator_action
                WHERE target = ? ORDER BY id DESC LIMIT ?
                """, OperatorActions::action, target, limit);
    }

    private static OperatorAction action(ResultSet rs, int row) throws SQLException {
        return new OperatorAction(rs.getLong("id"), rs.getObject("at", Timestamp.class).toInstant(),
                rs.getString("user_name"), rs.getString("action"), rs.getString("target"), rs.getInt("status"),
                rs.getString("outcome"), rs.getString("address"));
    }
}
