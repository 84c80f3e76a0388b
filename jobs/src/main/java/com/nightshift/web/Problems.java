package com.nightshift.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The API's refusals as RFC 9457 problem details: a status, a short title and a detail saying what to do. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
