package com.nightshift.health.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.nightshift.web.Problems;

/** Answers a refused health request with an RFC 9457 problem detail naming the parameter and what was wrong. */
@RestControllerAdvice(assignableTypes = HealthController.class)
class HealthApiExceptionHandler {

    @ExceptionHandler(InvalidHealthQueryException.class)
    ProblemDetail invalid(InvalidHealthQueryException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request parameter", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return problem;
    }
}
