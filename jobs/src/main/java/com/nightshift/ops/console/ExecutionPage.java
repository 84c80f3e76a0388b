package com.nightshift.ops.console;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import com.nightshift.audit.OperatorActions;
import com.nightshift.audit.console.AuditRow;
import com.nightshift.console.ConsoleController;
import com.nightshift.console.PageProblems;
import com.nightshift.ops.JobCatalog;
import com.nightshift.ops.JobExecutionView;
import com.nightshift.ops.JobHistory;

/**
 * {@code /console/executions/{id}}: one execution, its steps with their counts and timings, its parameters, why it
 * failed, who started, stopped or restarted it (or any execution of its run), and the stop or restart it allows.
 */
@ConsoleController
class ExecutionPage {

    /** Enough for any execution's story; the audit page has the rest. */
    private static final int ACTIONS_SHOWN = 20;

    private final JobHistory history;
    private final JobRepository repository;
    private final JobCatalog catalog;
    private final OperatorActions actions;
    private final ExecutionRows rows;
    private final HumanDuration durations;
    private final BusinessTime times;
    private final PageProblems problems;

    ExecutionPage(JobHistory history, JobRepository repository, JobCatalog catalog, OperatorActions actions,
                  ExecutionRows rows, HumanDuration durations, BusinessTime times, PageProblems problems) {
        this.history = history;
        this.repository = repository;
        this.catalog = catalog;
        this.actions = actions;
        this.rows = rows;
        this.durations = durations;
        this.times = times;
        this.problems = problems;
    }

    @GetMapping("/console/executions/{id}")
    String execution(@PathVariable String id, Locale locale, Model model) {
        JobExecution execution = recorded(id);
        JobExecutionView view = JobExecutionView.of(execution);
        ExecutionRow row = rows.row(view, locale);
        model.addAttribute("execution", view);
        model.addAttribute("row", row);
        model.addAttribute("created", times.format(view.createTime()));
        model.addAttribute("zone", times.zone().getId());
        model.addAttribute("steps", view.steps().stream().map(step -> new StepRow(step.name(), step.status(),
                rows.status(step.status(), locale), times.format(step.startTime()), times.format(step.endTime()),
                durations.format(step.durationMillis(), locale), step.counts().read(), step.counts().written(),
                step.counts().skipped(), step.counts().commits(), step.name().contains(":"))).toList());
        model.addAttribute("error", execution.getStatus() == BatchStatus.FAILED ? PlainError.of(view) : null);
        List<AuditRow> onTheRun = actionsOnTheRun(execution);
        model.addAttribute("actions", onTheRun);
        model.addAttribute("restartedBy", restartedBy(onTheRun, execution.getId()));
        model.addAttribute("canStop", execution.getStatus() == BatchStatus.STARTING
                || execution.getStatus() == BatchStatus.STARTED);
        model.addAttribute("canRestart", canRestart(execution));
        // a run under way is watched until it ends: the page follows it without a script
        model.addAttribute("refresh", execution.isRunning());
        return "ops/execution";
    }

    /** A step's line; a partition worker ({@code step:partition}) is summed in its manager step already. */
    record StepRow(String name, String status, String statusLabel, String started, String ended, String duration,
                   long read, long written, long skipped, long commits, boolean worker) {
    }

    private JobExecution recorded(String id) {
        try {
            return history.execution(Long.parseLong(id)).orElseThrow(() -> notFound(id));
        } catch (NumberFormatException e) {
            throw notFound(id);
        }
    }

    private ResponseStatusException notFound(String id) {
        return problems.notFound("ops.problem.noExecution", id);
    }

    /** As {@code JobRunner.restart} will judge it: failed or stopped, a restartable job, its run's latest. */
    private boolean canRestart(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
            return false;
        }
        String job = execution.getJobInstance().getJobName();
        if (!catalog.names().contains(job) || !catalog.job(job).isRestartable()) {
            return false;
        }
        JobExecution last = repository.getLastJobExecution(execution.getJobInstance());
        return last != null && Objects.equals(last.getId(), execution.getId());
    }

    /**
     * What operators did to any execution of this one's run: a restart is recorded against the execution it
     * resumed, so the new execution's story starts on its predecessor's target.
     */
    private List<AuditRow> actionsOnTheRun(JobExecution execution) {
        List<String> targets = repository.getJobExecutions(execution.getJobInstance()).stream()
                .map(each -> "jobs/executions/" + each.getId()).toList();
        return actions.about(targets, ACTIONS_SHOWN).stream().map(action -> AuditRow.of(action, times.zone()))
                .toList();
    }

    /**
     * The restart that began this execution, if one did: its notes are its run's first start's (Spring Batch
     * resumes the run with them), so the restart's record is the only word on who resumed it.
     */
    private static AuditRow restartedBy(List<AuditRow> onTheRun, long execution) {
        return onTheRun.stream().filter(action -> action.action().equals("restart") && action.done()
                && Long.valueOf(execution).equals(action.execution())).findFirst().orElse(null);
    }
}
