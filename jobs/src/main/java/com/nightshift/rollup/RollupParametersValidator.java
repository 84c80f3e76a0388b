package com.nightshift.rollup;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.stereotype.Component;

/** Rejects a rollup run with bad parameters before anything starts, with a message naming the parameter. */
@Component
class RollupParametersValidator implements JobParametersValidator {

    private final RollupProperties properties;
    private final Clock clock;

    RollupParametersValidator(RollupProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        read(parameters);
    }

    /** The run's parameters, read against today's date in the chain's zone. */
    RollupRequest read(JobParameters parameters) throws InvalidJobParametersException {
        LocalDate yesterday = LocalDate.now(clock.withZone(properties.zone())).minusDays(1);
        return RollupRequest.of(parameters, yesterday, properties.maxRangeDays());
    }
}
