package com.nightshift.reports.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers archive requests that cannot be served with RFC 9457 problem details. */
@RestControllerAdvice(assignableTypes = ReportArchiveController.class)
class ReportArchiveExceptionHandler {

    @ExceptionHandler(ArchivedReportNotFoundException.class)
    ProblemDetail notFound(ArchivedReportNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Archived report not found");
        return problem;
    }

    @ExceptionHandler(InvalidArchiveQueryException.class)
    ProblemDetail invalid(InvalidArchiveQueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid archive query");
        return problem;
    }
}
