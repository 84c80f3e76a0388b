package com.nightshift.ops.console;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nightshift.audit.OperatorActions;
import com.nightshift.console.ConsoleController;
import com.nightshift.ops.JobAlreadyRunningException;
import com.nightshift.ops.JobNotRestartableException;
import com.nightshift.ops.JobNotRunningException;
import com.nightshift.ops.JobRunner;
import com.nightshift.ops.TooManyRunsException;
import com.nightshift.ops.UnknownJobExecutionException;

/**
 * The execution page's stop and restart buttons: the API's operations ({@link JobRunner}), at the API's paths under
 * {@code /console} (so the audit records them alike), answered with a redirect to the execution and a flash saying
 * what happened. A refusal carries the API's reason and, for the audit, the API's status.
 */
@ConsoleController
class ExecutionActions {

    private final JobRunner runner;
    private final MessageSource messages;

    ExecutionActions(JobRunner runner, MessageSource messages) {
        this.runner = runner;
        this.messages = messages;
    }

    @PostMapping("/console/jobs/executions/{id}/stop")
    String stop(@PathVariable long id, HttpServletRequest request, RedirectAttributes flash, Locale locale) {
        try {
            runner.stop(id);
            flash.addFlashAttribute("notice", messages.getMessage("ops.stop.done", new Object[] {String.valueOf(id)},
                    locale));
        } catch (UnknownJobExecutionException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (JobNotRunningException e) {
            refuse(request, flash, HttpStatus.CONFLICT, "ops.stop.refused", e, locale);
        }
        return "redirect:/console/executions/" + id;
    }

    @PostMapping("/console/jobs/executions/{id}/restart")
    String restart(@PathVariable long id, HttpServletRequest request, RedirectAttributes flash, Locale locale)
            throws Exception {
        try {
            JobExecution resumed = runner.restart(id);
            flash.addFlashAttribute("notice", messages.getMessage("ops.restart.done",
                    new Object[] {String.valueOf(id), String.valueOf(resumed.getId())}, locale));
            return "redirect:/console/executions/" + resumed.getId();
        } catch (UnknownJobExecutionException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (JobNotRestartableException | JobAlreadyRunningException e) {
            refuse(request, flash, HttpStatus.CONFLICT, "ops.restart.refused", e, locale);
        } catch (TooManyRunsException e) {
            refuse(request, flash, HttpStatus.SERVICE_UNAVAILABLE, "ops.restart.refused", e, locale);
        } catch (InvalidJobParametersException e) {
            refuse(request, flash, HttpStatus.BAD_REQUEST, "ops.restart.refused", e, locale);
        }
        return "redirect:/console/executions/" + id;
    }

    private void refuse(HttpServletRequest request, RedirectAttributes flash, HttpStatus status, String message,
                        Exception reason, Locale locale) {
        request.setAttribute(OperatorActions.REFUSED_STATUS, status.value());
        flash.addFlashAttribute("problem", messages.getMessage(message, new Object[] {reason.getMessage()}, locale));
    }
}
