package com.nightshift.ops.console;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nightshift.console.ConsoleController;
import com.nightshift.console.FormAnswer;
import com.nightshift.console.PageProblems;
import com.nightshift.ops.JobAlreadyRunningException;
import com.nightshift.ops.JobNotRestartableException;
import com.nightshift.ops.JobNotRunningException;
import com.nightshift.ops.JobRunner;
import com.nightshift.ops.OpsAnswers;
import com.nightshift.ops.TooManyRunsException;
import com.nightshift.ops.UnknownJobExecutionException;

/**
 * The execution page's stop and restart buttons: the API's operations ({@link JobRunner}), at the API's paths under
 * {@code /console} (so the audit records them alike), answered with a redirect to the execution and a flash saying
 * what happened ({@link FormAnswer}). A refusal carries the API's reason and, for the audit, the API's status.
 */
@ConsoleController
class ExecutionActions {

    private final JobRunner runner;
    private final MessageSource messages;
    private final PageProblems problems;

    ExecutionActions(JobRunner runner, MessageSource messages, PageProblems problems) {
        this.runner = runner;
        this.messages = messages;
        this.problems = problems;
    }

    @PostMapping("/console/jobs/executions/{id}/stop")
    String stop(@PathVariable long id, HttpServletRequest request, RedirectAttributes flash, Locale locale) {
        String page = "/console/executions/" + id;
        try {
            runner.stop(id);
            return FormAnswer.done(request, flash, HttpStatus.ACCEPTED, OpsAnswers.location(id).toString(),
                    text("ops.stop.done", locale, String.valueOf(id)), page);
        } catch (UnknownJobExecutionException e) {
            throw problems.notFound("ops.problem.noExecution", String.valueOf(id));
        } catch (JobNotRunningException e) {
            return FormAnswer.refused(request, flash, OpsAnswers.statusOf(e),
                    text("ops.stop.refused", locale, e.getMessage()), page);
        }
    }

    @PostMapping("/console/jobs/executions/{id}/restart")
    String restart(@PathVariable long id, HttpServletRequest request, RedirectAttributes flash, Locale locale)
            throws Exception {
        try {
            JobExecution resumed = runner.restart(id);
            return FormAnswer.done(request, flash, HttpStatus.ACCEPTED,
                    OpsAnswers.location(resumed.getId()).toString(),
                    text("ops.restart.done", locale, String.valueOf(id), String.valueOf(resumed.getId())),
                    "/console/executions/" + resumed.getId());
        } catch (UnknownJobExecutionException e) {
            throw problems.notFound("ops.problem.noExecution", String.valueOf(id));
        } catch (JobNotRestartableException | JobAlreadyRunningException | TooManyRunsException
                 | InvalidJobParametersException e) {
            return FormAnswer.refused(request, flash, OpsAnswers.statusOf(e),
                    text("ops.restart.refused", locale, e.getMessage()), "/console/executions/" + id);
        }
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
