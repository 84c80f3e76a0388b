package com.nightshift.audit;

import java.time.Instant;

/**
 * One thing an operator did through the API, the console or the command line.
 *
 * @param user    who (their login name; {@link OperatorActions#ANONYMOUS} while logins are off; the system's user
 *                for the command line)
 * @param action  what: {@code start}, {@code stop}, {@code restart}, {@code pause}, {@code resume}, {@code fire},
 *                {@code reload}, {@code resend}, ...
 * @param target  what on: the request's path below {@code /api/} without the verb, e.g. {@code schedules/rollup-full}
 *                or {@code jobs/executions/42}
 * @param status  the HTTP status the API answers it with, whichever way it came (the console's forms answer with a
 *                redirect, the command line with text, but record the API's): 202 for a start, stop or restart,
 *                200 for a pause, a resume, a reload, a resend or a fire whose run has ended, the refusal's 4xx
 *                otherwise
 * @param outcome where its result is as the API's {@code Location} names it (e.g. {@code /api/jobs/executions/43},
 *                the execution a start, restart or fire began); null when refused or when there is none
 * @param address where the request came from; {@code cli:<host>} for the command line
 *                ({@link OperatorActions#COMMAND_LINE})
 */
public record OperatorAction(long id, Instant at, String user, String action, String target, int status,
                             String outcome, String address) {
}
