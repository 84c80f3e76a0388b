package com.nightshift.ops;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.nightshift.web.Problems;

/**
 * Answers a refused operation with an RFC 9457 problem detail whose text says what was wrong, with the status of
 * {@link OpsAnswers#statusOf}.
 */
@RestControllerAdvice(assignableTypes = {JobExecutionController.class, JobsController.class})
class OpsApiExceptionHandler {

    @ExceptionHandler({UnknownJobException.class, UnknownJobExecutionException.class})
    ProblemDetail notFound(RuntimeException e) {
        return Problems.of(OpsAnswers.statusOf(e), "Not found", e.getMessage());
    }

    @ExceptionHandler({MalformedJobParameterException.class, InvalidJobParametersException.class})
    ProblemDetail invalidParameters(Exception e) {
        return Problems.of(OpsAnswers.statusOf(e), "Invalid job parameters", e.getMessage());
    }

    @ExceptionHandler(InvalidRequestParameterException.class)
    ProblemDetail invalidRequestParameter(InvalidRequestParameterException e) {
        ProblemDetail problem = Problems.of(OpsAnswers.statusOf(e), "Invalid request parameter", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler(JobNotRestartableException.class)
    ProblemDetail notRestartable(JobNotRestartableException e) {
        return Problems.of(OpsAnswers.statusOf(e), "Job execution not restartable", e.getMessage());
    }

    @ExceptionHandler(JobAlreadyRunningException.class)
    ProblemDetail alreadyRunning(JobAlreadyRunningException e) {
        return Problems.of(OpsAnswers.statusOf(e), "Job already running", e.getMessage());
    }

    @ExceptionHandler(JobNotRunningException.class)
    ProblemDetail notRunning(JobNotRunningException e) {
        return Problems.of(OpsAnswers.statusOf(e), "Job execution not running", e.getMessage());
    }

    @ExceptionHandler(TooManyRunsException.class)
    ProblemDetail busy(TooManyRunsException e) {
        return Problems.of(OpsAnswers.statusOf(e), "Too many runs", e.getMessage());
    }
}
