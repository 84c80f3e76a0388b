package com.nightshift.console;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nightshift.audit.OperatorActions;

/**
 * How a console form answers an action: a redirect back to a page with a flash saying what happened (already in
 * the reader's language), and, for the audit, what the API would have answered the same request, so that the
 * record of an action reads alike whichever way it came.
 */
public final class FormAnswer {

    private FormAnswer() {
    }

    /**
     * Done: the API's status for it (202 for a start), where its result is as the API's {@code Location} would say
     * (null if nowhere), and the notice the reader sees on {@code page}.
     */
    public static String done(HttpServletRequest request, RedirectAttributes flash, HttpStatus status, String outcome,
                              String notice, String page) {
        answered(request, status, outcome);
        flash.addFlashAttribute("notice", notice);
        return "redirect:" + page;
    }

    /** Refused, with the API's status for the refusal and the problem the reader sees on {@code page}. */
    public static String refused(HttpServletRequest request, RedirectAttributes flash, HttpStatus status,
                                 String problem, String page) {
        answered(request, status, null);
        flash.addFlashAttribute("problem", problem);
        return "redirect:" + page;
    }

    /** For a form shown again rather than redirected (the start form with its problem): the audit's part only. */
    public static void answered(HttpServletRequest request, HttpStatus status, String outcome) {
        request.setAttribute(OperatorActions.ANSWERED_STATUS, status.value());
        request.setAttribute(OperatorActions.ANSWERED_OUTCOME, outcome);
    }
}
