package com.nightshift.reports.job;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.nightshift.config.BusinessCalendar;
import com.nightshift.job.InvalidJobParameterException;
import com.nightshift.recipients.RecipientDirectory;
import com.nightshift.recipients.RecipientRegistry;
import com.nightshift.recipients.RecipientsFileException;
import com.nightshift.reports.ReportSubject;
import com.nightshift.reports.ReportCatalog;

/**
 * Rejects a report run with bad parameters, or with a bad recipients file, before anything starts: first what
 * {@link ReportRequest#DESCRIPTION} says (the command line checks the same before the engine starts), then the
 * catalog and the date, then whether the store has rollups and the region is in the recipients file.
 */
@Component
class ReportParametersValidator implements JobParametersValidator {

    /** Added by the engine to tell runs apart, not given by operators. */
    private static final String RUN_ID = "run.id";

    private final ReportCatalog catalog;
    private final RecipientRegistry registry;
    private final BusinessCalendar calendar;
    private final JdbcTemplate jdbc;

    ReportParametersValidator(ReportCatalog catalog, RecipientRegistry registry, BusinessCalendar calendar,
                              JdbcTemplate jdbc) {
        this.catalog = catalog;
        this.registry = registry;
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        ReportRequest request = read(parameters, calendar.yesterday());
        RecipientDirectory directory;
        try {
            directory = registry.load();
        } catch (RecipientsFileException e) {
            throw new InvalidJobParametersException("the recipients file is wrong, so no report is sent:\n"
                    + e.getMessage());
        }
        if (request.region() != null && !directory.regions().containsKey(request.region())) {
            throw new InvalidJobParametersException("parameter 'region' is '" + request.region() + "', which the "
                    + "recipients file does not declare; its regions are " + new TreeSet<>(directory.regions().keySet()));
        }
        if (request.store() != null && !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM rollup_store_daily WHERE store_name = ?)", Boolean.class,
                request.store()))) {
            throw new InvalidJobParametersException("parameter 'store' is '" + request.store() + "', a store the "
                    + "rollups have no figures for; check its name (or roll its orders up first)");
        }
        if (request.store() != null && directory.receiving(ReportSubject.store(request.store())).isEmpty()) {
            throw new InvalidJobParametersException("parameter 'store' is '" + request.store() + "', whose reports "
                    + "nobody in the recipients file receives: add its manager or its region there first");
        }
    }

    /** The run's parameters, with defaults taken from {@code yesterday} in the chain's zone. */
    ReportRequest read(JobParameters parameters, LocalDate yesterday) throws InvalidJobParametersException {
        Map<String, String> given = new LinkedHashMap<>();
        for (JobParameter<?> parameter : parameters) {
            // run.id and the notes of who started the run (non-identifying) are not the job's to check
            if (!parameter.name().equals(RUN_ID) && parameter.identifying()) {
                given.put(parameter.name(), String.valueOf(parameter.value()));
            }
        }
        try {
            ReportRequest.DESCRIPTION.check(given);
        } catch (InvalidJobParameterException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
        return ReportRequest.of(given, yesterday, catalog.all());
    }
}
