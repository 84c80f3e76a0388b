package com.nightshift.ops;

import java.net.URI;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.http.HttpStatus;

/**
 * How an operation on jobs is answered, wherever it was asked (API, console, command line): the one mapping from
 * its refusals to HTTP statuses, and where an execution it started is found.
 */
public final class OpsAnswers {

    private OpsAnswers() {
    }

    /** The status the API answers {@code refusal} with; 500 for a failure that is no refusal. */
    public static HttpStatus statusOf(Exception refusal) {
        if (refusal instanceof UnknownJobException || refusal instanceof UnknownJobExecutionException) {
            return HttpStatus.NOT_FOUND;
        }
        if (refusal instanceof MalformedJobParameterException || refusal instanceof InvalidJobParametersException
                || refusal instanceof InvalidRequestParameterException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (refusal instanceof JobAlreadyRunningException || refusal instanceof JobNotRestartableException
                || refusal instanceof JobNotRunningException) {
            return HttpStatus.CONFLICT;
        }
        return refusal instanceof TooManyRunsException ? HttpStatus.SERVICE_UNAVAILABLE
                : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /** The API's address of an execution: the {@code Location} of a start or restart. */
    public static URI location(long executionId) {
        return URI.create("/api/jobs/executions/" + executionId);
    }
}
