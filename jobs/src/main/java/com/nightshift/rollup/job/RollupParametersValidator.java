package com.nightshift.rollup.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.stereotype.Component;

import com.nightshift.config.BusinessCalendar;
import com.nightshift.job.InvalidJobParameterException;
import com.nightshift.rollup.RollupProperties;

/**
 * Rejects a rollup run with bad parameters before anything starts, with a message naming the parameter: first
 * what {@link RollupRequest#DESCRIPTION} says (the command line checks the same before the engine starts), then
 * what needs the settings and today's date in the chain's zone.
 */
@Component
class RollupParametersValidator implements JobParametersValidator {

    /** Added by the engine to tell runs apart, not given by operators. */
    private static final String RUN_ID = "run.id";

    private final RollupProperties properties;
    private final BusinessCalendar calendar;

    RollupParametersValidator(RollupProperties properties, BusinessCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        read(parameters);
    }

    /** The run's parameters, read against today's date in the chain's zone. */
    RollupRequest read(JobParameters parameters) throws InvalidJobParametersException {
        Map<String, String> given = new LinkedHashMap<>();
        for (JobParameter<?> parameter : parameters) {
            // run.id and the notes of who started the run (non-identifying) are not the job's to check
            if (!parameter.name().equals(RUN_ID) && parameter.identifying()) {
                given.put(parameter.name(), String.valueOf(parameter.value()));
            }
        }
        try {
            RollupRequest.DESCRIPTION.check(given);
        } catch (InvalidJobParameterException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
        return RollupRequest.of(given, calendar.yesterday(), properties.maxRangeDays());
    }
}
