package com.nightshift.reports.job;

import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

import com.nightshift.config.BusinessCalendar;
import com.nightshift.recipients.RecipientDirectory;
import com.nightshift.recipients.RecipientRegistry;

/**
 * What a run covers, the same in each of its steps and after a restart on another day: the business day that
 * was "yesterday" when it began is kept in its job's context, so defaults do not move.
 */
@Component
class ReportRun {

    private static final String YESTERDAY = "report.yesterday";

    private final ReportParametersValidator parameters;
    private final RecipientRegistry registry;
    private final BusinessCalendar calendar;

    ReportRun(ReportParametersValidator parameters, RecipientRegistry registry, BusinessCalendar calendar) {
        this.parameters = parameters;
        this.registry = registry;
        this.calendar = calendar;
    }

    ReportRequest request(JobExecution job) throws InvalidJobParametersException {
        ExecutionContext context = job.getExecutionContext();
        if (!context.containsKey(YESTERDAY)) {
            context.putString(YESTERDAY, calendar.yesterday().toString());
        }
        return parameters.read(job.getJobParameters(), LocalDate.parse(context.getString(YESTERDAY)));
    }

    /** The recipients file, validated as a whole: a bad one fails the step with the file's messages. */
    private RecipientDirectory directory() {
        return registry.load();
    }

    /** The reports the run renders and whom they go to. */
    Plan plan(JobExecution job) throws InvalidJobParametersException {
        ReportRequest request = request(job);
        RecipientDirectory directory = directory();
        return new Plan(request, directory, ReportPlan.of(request, directory));
    }

    record Plan(ReportRequest request, RecipientDirectory directory, List<PlannedReport> reports) {
    }
}
