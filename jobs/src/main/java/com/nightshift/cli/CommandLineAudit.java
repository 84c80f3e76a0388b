package com.nightshift.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.http.HttpStatus;

import com.nightshift.audit.OperatorActions;
import com.nightshift.ops.OpsAnswers;

/**
 * Records what an operator did from a shell ({@code run}, {@code stop}, {@code restart}) among the operator
 * actions, as the API records the same request: its action and target, the status the API would have answered
 * (202 once done, as the API answers a start, stop or restart; {@link OpsAnswers#statusOf its refusal's status}
 * otherwise) and the execution it acted on as the API's {@code Location} names it, with the system's user and host
 * in place of a login and an address. It is recorded when the command has its answer, which for a run in this
 * process is when the run ends; a process killed outright before that leaves no record, but its execution still
 * says the command line started it.
 */
final class CommandLineAudit {

    private static final Logger log = LoggerFactory.getLogger(CommandLineAudit.class);

    /** What the command does, giving the execution it started or acted on. */
    interface Work {
        JobExecution call() throws Exception;
    }

    private final OperatorActions actions;
    private final String user;
    private final String host;

    private CommandLineAudit(OperatorActions actions) {
        this.actions = actions;
        this.user = System.getProperty("user.name");
        this.host = host();
    }

    static CommandLineAudit of(Engine engine) {
        return new CommandLineAudit(engine.bean(OperatorActions.class));
    }

    /** Does the work and records it as {@code action} on {@code target}, done or refused; then answers as it did. */
    JobExecution recorded(String action, String target, Work work) throws Exception {
        JobExecution execution;
        try {
            execution = work.call();
        } catch (Exception e) {
            record(action, target, OpsAnswers.statusOf(e).value(), null);
            throw e;
        }
        record(action, target, HttpStatus.ACCEPTED.value(), OpsAnswers.location(execution.getId()).toString());
        return execution;
    }

    /** A record that cannot be written is logged, and the command's answer stands, as the API's interceptor does. */
    private void record(String action, String target, int status, String outcome) {
        try {
            actions.recordCommandLine(user, host, action, target, status, outcome);
        } catch (RuntimeException e) {
            log.warn("Cannot record {}'s {} of {} ({}): {}", user, action, target, status, e.getMessage());
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // a host without a resolvable name of its own: the name the shell gave it, if any
            String fromShell = System.getenv("HOSTNAME");
            return fromShell == null || fromShell.isBlank() ? "unknown host" : fromShell;
        }
    }
}
