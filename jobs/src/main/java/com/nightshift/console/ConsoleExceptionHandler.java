package com.nightshift.console;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A console page that cannot be shown is an error page in the console's own layout, not the API's JSON (hence
 * ahead of the API's handlers): a refusal that carries its status ({@code ResponseStatusException}, Spring's own
 * request errors) with that status and reason, a query value of the wrong type (a hand-edited link) as 400 naming
 * it, anything else as 500, logged with its stack trace, the page saying
 * only that the log has the details.
 */
@ControllerAdvice(annotations = ConsoleController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ConsoleExceptionHandler.class);

    private final MessageSource messages;

    ConsoleExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    /** A hand-edited link ({@code ?before=abc}): the reader's mistake, named, not the engine's failure. */
    @ExceptionHandler(TypeMismatchException.class)
    ModelAndView badValue(TypeMismatchException e, Locale locale) {
        return ErrorPage.of(HttpStatus.BAD_REQUEST, messages.getMessage("console.error.badValue",
                new Object[] {e.getPropertyName(), e.getValue()}, locale));
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e) {
        if (e instanceof ErrorResponse refusal) {
            return ErrorPage.of(HttpStatus.valueOf(refusal.getStatusCode().value()), refusal.getBody().getDetail());
        }
        log.error("A console page failed", e);
        return ErrorPage.of(HttpStatus.INTERNAL_SERVER_ERROR, null);
    }
}
