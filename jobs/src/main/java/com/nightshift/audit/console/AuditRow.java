package com.nightshift.audit.console;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nightshift.audit.OperatorAction;
import com.nightshift.audit.OperatorActions;

/**
 * One operator action as the console shows it, on the audit page and an execution's page (one table,
 * {@code templates/audit/actions.html}): its time in the chain's zone, and the console pages of what it acted on
 * and of the execution it led to, where it has them.
 *
 * @param actionKey   the action's message key, or null for an action the page has no words for (shown as recorded)
 * @param targetKey   the message key that names the target in words ("execution #42", "schedule daily"), with
 *                    {@code targetName} as its argument; null for a target the page has no words for
 * @param targetLink  the console page of the target: an execution's, or the schedules'; null for others
 * @param execution   the execution it led to, from its outcome, if any and other than its target: the one a start
 *                    or a fire began, the one a restart resumed in
 * @param done        whether it was done (answered below 400), rather than refused or failed
 * @param host        the machine, for an action from the command line; null for a request over the network
 */
public record AuditRow(long id, ZonedDateTime at, String user, String action, String actionKey, String target,
                String targetKey, String targetName, String targetLink, Long execution, boolean done, int status,
                String address, String host) {

    private static final Set<String> KNOWN = Set.of("start", "stop", "restart", "pause", "resume", "fire", "reload",
            "resend", "resend-failed");
    private static final Pattern EXECUTION = Pattern.compile("(?:^|/)executions/(\\d+)$");
    /** Targets the page names in words, by the API's paths: the key's last part, and the name in the path. */
    private static final Map<Pattern, String> TARGETS = Map.of(
            Pattern.compile("jobs/executions/(\\d+)"), "execution",
            Pattern.compile("jobs/([^/]+)"), "job",
            Pattern.compile("schedules/([^/]+)"), "schedule",
            Pattern.compile("schedules()"), "schedules",
            Pattern.compile("reports/deliveries/(-?\\d+)"), "delivery",
            Pattern.compile("reports/deliveries()"), "deliveries");

    public static AuditRow of(OperatorAction action, ZoneId zone) {
        String address = action.address();
        boolean commandLine = address != null && address.startsWith(OperatorActions.COMMAND_LINE);
        Matcher named = named(action.target());
        return new AuditRow(action.id(), action.at().atZone(zone), action.user(), action.action(),
                KNOWN.contains(action.action()) ? "audit.action." + action.action() : null, action.target(),
                named == null ? null : "audit.target." + TARGETS.get(named.pattern()),
                named == null ? null : named.group(1), link(action.target()), ledTo(action),
                action.status() < 400, action.status(),
                address, commandLine ? address.substring(OperatorActions.COMMAND_LINE.length()) : null);
    }

    private static Matcher named(String target) {
        if (target == null) {
            return null;
        }
        return TARGETS.keySet().stream().map(pattern -> pattern.matcher(target)).filter(Matcher::matches)
                .findFirst().orElse(null);
    }

    private static String link(String target) {
        Long execution = execution(target);
        if (execution != null) {
            return "/console/executions/" + execution;
        }
        return target != null && (target.equals("schedules") || target.startsWith("schedules/"))
                ? "/console/schedules" : null;
    }

    private static Long ledTo(OperatorAction action) {
        Long outcome = execution(action.outcome());
        return outcome == null || outcome.equals(execution(action.target())) ? null : outcome;
    }

    private static Long execution(String path) {
        if (path == null) {
            return null;
        }
        Matcher matcher = EXECUTION.matcher(path);
        return matcher.find() ? Long.valueOf(matcher.group(1)) : null;
    }
}
