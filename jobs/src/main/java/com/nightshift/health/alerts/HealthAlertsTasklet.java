package com.nightshift.health.alerts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import com.nightshift.health.HealthCheck;

/**
 * The health job's last step: decides what to tell the people on call about the checks' latest results (see
 * {@link AlertDecisions}), then sends the letters (see {@link AlertSending}), and says what it did in the step's
 * exit message (register it as the step's listener too). A letter the mail server does not take leaves the step
 * COMPLETED: a failed health run would be resumed instead of run afresh, and the letter is sent again by the next
 * run anyway.
 *
 * <p>To be run without a transaction around it: the decision commits on its own before anything is sent, and
 * the ledger records each answer as it comes.
 */
@Component
public class HealthAlertsTasklet implements Tasklet, StepExecutionListener {

    /** The step's message, kept in its context until the step ends. */
    private static final String MESSAGE = "health.alerts.message";

    private final AlertDecisions decisions;
    private final AlertSending sending;
    private final List<String> checks;

    HealthAlertsTasklet(AlertDecisions decisions, AlertSending sending, List<HealthCheck> checks) {
        this.decisions = decisions;
        this.sending = sending;
        this.checks = checks.stream().map(HealthCheck::name).toList();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        AlertDecisions.Decision decision = decisions.decide(checks, step.getJobExecutionId());
        String told = told(decision);
        AlertSending.Sent sent = sending.send(decision.deliveryKey(), step.getJobExecutionId());
        contribution.incrementWriteCount(sent.counts().delivered() + sent.resent());
        step.getExecutionContext().putString(MESSAGE, "alerts: " + told + letters(sent));
        return RepeatStatus.FINISHED;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        String message = step.getExecutionContext().getString(MESSAGE, "");
        return message.isEmpty() ? step.getExitStatus() : step.getExitStatus().addExitDescription(message);
    }

    private String told(AlertDecisions.Decision decision) {
        if (decision.recipients() == 0) {
            List<String> notOk = decisions.notOk(checks);
            return "nobody to tell: nightshift.alerts.recipients is empty" + (notOk.isEmpty() ? ""
                    : " (not OK: " + String.join(", ", notOk) + ")");
        }
        return decision.alerts().isEmpty() ? "nothing new to tell"
                : decision.alerts().size() + " told in " + decision.deliveryKey().orElseThrow() + " ("
                + kinds(decision.alerts()) + ") to " + decision.recipients() + " recipients";
    }

    private static String kinds(List<Alert> alerts) {
        Map<AlertKind, Long> counts = alerts.stream().collect(Collectors.groupingBy(Alert::kind, TreeMap::new,
                Collectors.counting()));
        return counts.entrySet().stream()
                .map(kind -> kind.getValue() + " " + kind.getKey().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String letters(AlertSending.Sent sent) {
        int delivered = sent.counts().delivered() + sent.resent();
        int failed = sent.counts().failed();
        int uncertain = sent.counts().uncertain();
        if (delivered + failed + uncertain == 0) {
            return "";
        }
        return "; letters: " + delivered + " delivered" + (sent.resent() > 0 ? " (" + sent.resent()
                + " that had failed before)" : "") + (failed > 0 ? ", " + failed
                + " failed (sent again by the next health run)" : "") + (uncertain > 0 ? ", " + uncertain
                + " uncertain (see GET /api/reports/deliveries?state=UNCERTAIN)" : "");
    }
}
