package com.nightshift.audit;

import java.time.Instant;

/**
 * One thing an operator did through the API, the console or the command line.
 *
 * @param user    who (their login name; {@code anonymous} while logins are off; the system's user for the
 *                command line)
 * @param action  what: {@code start}, {@code stop}, {@code restart}, {@code pause}, {@code resume}, {@code fire},
 *                {@code reload}, {@code resend}, ...
 * @param target  what on: the request's path below {@code /api/} without the verb, e.g. {@code schedules/rollup-full}
 *                or {@code jobs/executions/42}
 * @param status  the HTTP status it was answered with (for a console page or the command line, the one the API
 *                would have answered): whether it was done
 * @param outcome where its result is (the answer's {@code Location}, e.g. the execution it started), if anywhere
 * @param address where the request came from; {@code cli:<host>} for the command line
 *                ({@link OperatorActions#COMMAND_LINE})
 */
public record OperatorAction(long id, Instant at, String user, String action, String target, int status,
                             String outcome, String address) {
}
