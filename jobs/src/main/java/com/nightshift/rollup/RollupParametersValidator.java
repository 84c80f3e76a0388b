package com.nightshift.rollup;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.stereotype.Component;

import com.nightshift.config.BusinessCalendar;

/** Rejects a rollup run with bad parameters before anything starts, with a message naming the parameter. */
@Component
class RollupParametersValidator implements JobParametersValidator {

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
        return RollupRequest.of(parameters, calendar.yesterday(), properties.maxRangeDays());
    }
}
