package com.nightshift.rollup.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.nightshift.web.Problems;

/** Answers a bad rollup API request with an RFC 9457 problem detail that names the parameter. */
@RestControllerAdvice(assignableTypes = RollupController.class)
class RollupApiExceptionHandler {

    @ExceptionHandler(InvalidRollupRequestException.class)
    ProblemDetail invalidRequest(InvalidRollupRequestException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid rollup request", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return problem;
    }
}
