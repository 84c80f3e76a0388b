package com.nightshift.reports.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.nightshift.web.Problems;

/** Answers archive requests that cannot be served with RFC 9457 problem details. */
@RestControllerAdvice(assignableTypes = ReportArchiveController.class)
class ReportArchiveExceptionHandler {

    @ExceptionHandler(ArchivedReportNotFoundException.class)
    ProblemDetail notFound(ArchivedReportNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Archived report not found", e.getMessage());
    }

    @ExceptionHandler(InvalidArchiveQueryException.class)
    ProblemDetail invalid(InvalidArchiveQueryException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid archive query", e.getMessage());
    }
}
