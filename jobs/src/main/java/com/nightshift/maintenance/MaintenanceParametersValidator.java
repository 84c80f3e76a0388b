package com.nightshift.maintenance;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.stereotype.Component;

import com.nightshift.job.InvalidJobParameterException;

/** Refuses a maintenance run given anything but {@code dryRun=true|false} (the command line checks the same first). */
@Component
class MaintenanceParametersValidator implements JobParametersValidator {

    /** Added by the engine to tell runs apart, not given by operators. */
    private static final String RUN_ID = "run.id";

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        try {
            MaintenanceRequest.DESCRIPTION.check(given(parameters));
        } catch (InvalidJobParameterException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
    }

    /** The parameters an operator gave: not run.id, not the non-identifying notes of who started the run. */
    static Map<String, String> given(JobParameters parameters) {
        Map<String, String> given = new LinkedHashMap<>();
        for (JobParameter<?> parameter : parameters) {
            if (!parameter.name().equals(RUN_ID) && parameter.identifying()) {
                given.put(parameter.name(), String.valueOf(parameter.value()));
            }
        }
        return given;
    }
}
