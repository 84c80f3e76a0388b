package com.nightshift.health.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.stereotype.Component;

import com.nightshift.job.InvalidJobParameterException;

/** Refuses a health run given parameters, which it does not take (the command line checks the same first). */
@Component
class HealthParametersValidator implements JobParametersValidator {

    /** Added by the engine to tell runs apart, not given by operators. */
    private static final String RUN_ID = "run.id";

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        Map<String, String> given = new LinkedHashMap<>();
        for (JobParameter<?> parameter : parameters) {
            // the notes of who started the run are non-identifying and not the job's to check
            if (!parameter.name().equals(RUN_ID) && parameter.identifying()) {
                given.put(parameter.name(), String.valueOf(parameter.value()));
            }
        }
        try {
            HealthRequest.DESCRIPTION.check(given);
        } catch (InvalidJobParameterException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
    }
}
