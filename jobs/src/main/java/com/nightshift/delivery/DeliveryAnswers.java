package com.nightshift.delivery;

import org.springframework.http.HttpStatus;

/** The one mapping from a refused delivery operation to the status the API answers, for the API and the console. */
public final class DeliveryAnswers {

    private DeliveryAnswers() {
    }

    /** A number that is no id names no letter: not found, as an unknown id is. */
    public static HttpStatus statusOf(Exception refusal) {
        if (refusal instanceof UnknownDeliveryException || refusal instanceof NumberFormatException) {
            return HttpStatus.NOT_FOUND;
        }
        return refusal instanceof DeliveryNotResendableException ? HttpStatus.CONFLICT
                : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
