package com.nightshift.ops.console;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nightshift.console.ConsoleController;
import com.nightshift.console.FormAnswer;
import com.nightshift.console.PageProblems;
import com.nightshift.job.JobDescription;
import com.nightshift.ops.JobAlreadyRunningException;
import com.nightshift.ops.JobParametersParser;
import com.nightshift.ops.JobRunner;
import com.nightshift.ops.MalformedJobParameterException;
import com.nightshift.ops.OpsAnswers;
import com.nightshift.ops.StartedBy;
import com.nightshift.ops.TooManyRunsException;

/**
 * {@code /console/jobs}: the jobs, and a start form per job generated from its parameters' descriptions. A start
 * goes through the API's own reading and checks ({@link JobParametersParser}, then {@link JobRunner#start}, whose
 * job validators write the messages), so the form refuses what the API refuses, in the API's words and status,
 * and comes back with what the reader typed.
 */
@ConsoleController
class JobsPage {

    private final JobForms forms;
    private final JobRunner runner;
    private final MessageSource messages;
    private final PageProblems problems;

    JobsPage(JobForms forms, JobRunner runner, MessageSource messages, PageProblems problems) {
        this.forms = forms;
        this.runner = runner;
        this.messages = messages;
        this.problems = problems;
    }

    @GetMapping("/console/jobs")
    String jobs(Locale locale, Model model) {
        model.addAttribute("jobs", forms.jobs(locale));
        return "ops/jobs";
    }

    @GetMapping("/console/jobs/{job}")
    String form(@PathVariable String job, Locale locale, Model model) {
        return form(described(job), Map.of(), locale, model);
    }

    @PostMapping("/console/jobs/{job}/executions")
    String start(@PathVariable String job, HttpServletRequest request, HttpServletResponse response,
                 Principal user, RedirectAttributes flash, Locale locale, Model model) throws Exception {
        JobDescription description = described(job);
        Map<String, String> given = given(description, request);
        try {
            JobExecution execution = runner.start(job, JobParametersParser.checked(given),
                    StartedBy.notes(StartedBy.CONSOLE, user));
            return FormAnswer.done(request, flash, HttpStatus.ACCEPTED,
                    OpsAnswers.location(execution.getId()).toString(), messages.getMessage("ops.start.done",
                            new Object[] {job, String.valueOf(execution.getId())}, locale),
                    "/console/executions/" + execution.getId());
        } catch (MalformedJobParameterException | InvalidJobParametersException | JobAlreadyRunningException
                 | TooManyRunsException e) {
            return refused(description, given, e, request, response, locale, model);
        }
    }

    private JobDescription described(String job) {
        return forms.job(job).orElseThrow(() -> problems.notFound("ops.problem.noJob", job));
    }

    /** The job's parameters as filled in; a field left empty takes the parameter's default, as if not given. */
    private static Map<String, String> given(JobDescription job, HttpServletRequest request) {
        Map<String, String> given = new LinkedHashMap<>();
        job.parameters().forEach(parameter -> {
            String value = request.getParameter(parameter.name());
            if (value != null && !value.isBlank()) {
                given.put(parameter.name(), value);
            }
        });
        return given;
    }

    /** The form again, with what was typed and the API's reason, answered with the API's status. */
    private String refused(JobDescription job, Map<String, String> given, Exception reason,
                           HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        HttpStatus status = OpsAnswers.statusOf(reason);
        response.setStatus(status.value());
        FormAnswer.answered(request, status, null);
        model.addAttribute("problem", messages.getMessage("ops.start.refused", new Object[] {reason.getMessage()},
                locale));
        return form(job, given, locale, model);
    }

    private String form(JobDescription job, Map<String, String> values, Locale locale, Model model) {
        model.addAttribute("job", job.name());
        model.addAttribute("summary", forms.summary(job, locale));
        model.addAttribute("fields", forms.fields(job, values, locale));
        return "ops/start";
    }
}
