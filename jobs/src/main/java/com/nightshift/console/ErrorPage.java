package com.nightshift.console;

import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** The console's error page ({@code templates/console/error.html}): the status and, where known, what is wrong. */
public final class ErrorPage {

    private ErrorPage() {
    }

    /** The page for {@code status}; {@code detail} is shown as it is (already in the reader's language) or omitted. */
    public static ModelAndView of(HttpStatus status, String detail) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.value());
        model.put("detail", detail);
        return new ModelAndView("console/error", model, status);
    }
}
