package com.nightshift.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Every API error is an RFC 9457 problem detail ({@code application/problem+json}) whose {@code detail} says what
 * is wrong. Spring MVC's own refusals (malformed JSON, wrong content type, a path variable of the wrong type,
 * unknown path, method not allowed, ...) come through {@link ResponseEntityExceptionHandler}; database failures
 * are mapped here: a lost race to 409, a database that cannot be reached to 503, anything else to 500. Features
 * answer their own exceptions in their own advice (e.g. {@code ops}, {@code rollup}); what reaches no handler
 * at all is answered by {@link ProblemErrorController}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Two requests changed the same rows at once and this one lost: the same request again may well succeed. */
    @ExceptionHandler({DuplicateKeyException.class, ConcurrencyFailureException.class})
    ProblemDetail lostRace(DataAccessException e) {
        log.info("A request lost a race with another: {}", e.getMostSpecificCause().getMessage());
        return Problems.of(HttpStatus.CONFLICT, "Conflict",
                "another request changed the same data at the same moment; try again");
    }

    /** A transaction that cannot begin, commit or roll back has lost its connection, nearly always. */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            QueryTimeoutException.class, CannotCreateTransactionException.class, TransactionSystemException.class,
            TransactionTimedOutException.class})
    ProblemDetail databaseUnavailable(Exception e) {
        log.warn("The database did not answer a request: {}", e.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                "the database cannot be reached or did not answer in time; try again later");
    }

    /** Any other database failure is a fault of ours: logged in full, and not described to the caller. */
    @ExceptionHandler(DataAccessException.class)
    ProblemDetail databaseError(DataAccessException e) {
        log.error("A request failed in the database", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Database error",
                "the request failed in the database; the engine's log has the details");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getMostSpecificCause() instanceof JacksonException json ? json instanceof StreamReadException
                ? "the request body is not valid JSON" + at(json) + ": " + json.getOriginalMessage()
                : "the request body does not have the form this request takes" + at(json)
                : "the request body cannot be read: it is missing or not JSON";
        return handleExceptionInternal(e, Problems.of(status, "Malformed request body", detail), headers, status,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        boolean wholeNumber = type == long.class || type == int.class || type == Long.class || type == Integer.class;
        ProblemDetail problem = Problems.of(status, "Invalid request parameter", wholeNumber
                ? "'" + name + "' must be a whole number, was '" + e.getValue() + "'"
                : "'" + name + "' cannot be read from '" + e.getValue() + "'");
        problem.setProperty("parameter", name);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, Problems.of(status, "Not found", "no such path: /" + e.getResourcePath()),
                headers, status, request);
    }

    private static String at(JacksonException json) {
        return json.getLocation() == null ? ""
                : " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
    }
}
