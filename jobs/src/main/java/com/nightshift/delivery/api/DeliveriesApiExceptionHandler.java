package com.nightshift.delivery.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.nightshift.delivery.DeliveryNotResendableException;
import com.nightshift.delivery.UnknownDeliveryException;
import com.nightshift.delivery.DeliveryAnswers;
import com.nightshift.web.Problems;

/** Answers a refused deliveries request with an RFC 9457 problem detail whose text says what was wrong. */
@RestControllerAdvice(assignableTypes = DeliveriesController.class)
class DeliveriesApiExceptionHandler {

    @ExceptionHandler(UnknownDeliveryException.class)
    ProblemDetail notFound(UnknownDeliveryException e) {
        return Problems.of(DeliveryAnswers.statusOf(e), "Not found", e.getMessage());
    }

    @ExceptionHandler(InvalidDeliveryQueryException.class)
    ProblemDetail invalid(InvalidDeliveryQueryException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request parameter", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler(DeliveryNotResendableException.class)
    ProblemDetail notResendable(DeliveryNotResendableException e) {
        return Problems.of(DeliveryAnswers.statusOf(e), "Delivery still being sent", e.getMessage());
    }
}
