package com.nightshift.audit;

import java.time.Instant;

/**
 * One thing an operator did through the API.
 *
 * @param user    who (their login name; {@code anonymous} while logins are off)
 * @param action  what: {@code start}, {@code stop}, {@code restart}, {@code pause}, {@code resume}, {@code fire},
 *                {@code reload}, {@code resend}, ...
 * @param target  what on: the request's path below {@code /api/} without the verb, e.g. {@code schedules/rollup-full}
 *                or {@code jobs/executions/42}
 * @param status  the HTTP status it was answered with: whether it was done
 * @param outcome where its result is (the answer's {@code Location}, e.g. the execution it started), if anywhere
 * @param address where the request came from
 */
public record OperatorAction(long id, Instant at, String user, String action, String target, int status,
                             String outcome, String address) {
}
