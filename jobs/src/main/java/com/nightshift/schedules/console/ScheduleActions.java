package com.nightshift.schedules.console;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nightshift.audit.OperatorActions;
import com.nightshift.console.ConsoleController;
import com.nightshift.ops.JobAlreadyRunningException;
import com.nightshift.ops.TooManyRunsException;
import com.nightshift.schedules.FireRecord;
import com.nightshift.schedules.FireRefusedException;
import com.nightshift.schedules.ScheduleFileException;
import com.nightshift.schedules.ScheduleStateException;
import com.nightshift.schedules.Schedules;
import com.nightshift.schedules.SyncSummary;
import com.nightshift.schedules.UnknownScheduleException;

/**
 * The schedules page's buttons: pause, resume, fire now and reload, each posted to the API's path under
 * {@code /console} (so the audit records the same action and target) and answered with the schedules page and a
 * notice or a problem. A refusal carries the status the API would have answered for the audit.
 */
@ConsoleController
class ScheduleActions {

    private static final String BACK = "redirect:/console/schedules";

    private final Schedules schedules;
    private final MessageSource messages;

    ScheduleActions(Schedules schedules, MessageSource messages) {
        this.schedules = schedules;
        this.messages = messages;
    }

    @PostMapping("/console/schedules/{name}/pause")
    String pause(@PathVariable String name, HttpServletRequest request, RedirectAttributes flash, Locale locale) {
        try {
            schedules.pause(name);
            return done(flash, text(locale, "schedules.paused", name));
        } catch (UnknownScheduleException e) {
            return unknown(name, request, flash, locale);
        } catch (ScheduleStateException e) {
            return refused(HttpStatus.CONFLICT, request, flash, text(locale, "schedules.refused.pause", name));
        }
    }

    @PostMapping("/console/schedules/{name}/resume")
    String resume(@PathVariable String name, HttpServletRequest request, RedirectAttributes flash, Locale locale) {
        try {
            schedules.resume(name);
            return done(flash, text(locale, "schedules.resumed", name));
        } catch (UnknownScheduleException e) {
            return unknown(name, request, flash, locale);
        } catch (ScheduleStateException e) {
            return refused(HttpStatus.CONFLICT, request, flash, text(locale, "schedules.refused.resume", name));
        }
    }

    @PostMapping("/console/schedules/{name}/fire")
    String fire(@PathVariable String name, HttpServletRequest request, RedirectAttributes flash, Locale locale)
            throws Exception {
        try {
            FireRecord fire = schedules.fire(name);
            return done(flash, text(locale, "schedules.fired", name, String.valueOf(fire.executionId())));
        } catch (UnknownScheduleException e) {
            return unknown(name, request, flash, locale);
        } catch (FireRefusedException | JobAlreadyRunningException e) {
            return refused(HttpStatus.CONFLICT, request, flash, text(locale, "schedules.refused.running", name));
        } catch (TooManyRunsException e) {
            return refused(HttpStatus.SERVICE_UNAVAILABLE, request, flash,
                    text(locale, "schedules.refused.busy", name));
        }
    }

    @PostMapping("/console/schedules/reload")
    String reload(HttpServletRequest request, RedirectAttributes flash, Locale locale) {
        try {
            SyncSummary summary = schedules.reload();
            return done(flash, text(locale, "schedules.reloaded", count(summary.added()),
                    count(summary.changed()), count(summary.removed()), summary.unchanged().size()));
        } catch (ScheduleFileException e) {
            // each problem names its file, schedule and field as the engine found it: shown as it is
            flash.addFlashAttribute("reloadProblems", e.problems());
            return refused(HttpStatus.BAD_REQUEST, request, flash,
                    text(locale, "schedules.refused.reload", e.problems().size()));
        }
    }

    /** {@code 2 (a, b)}, or {@code 0}: how many, and which. */
    private static String count(List<String> names) {
        return names.isEmpty() ? "0" : names.size() + " (" + String.join(", ", names) + ")";
    }

    private String unknown(String name, HttpServletRequest request, RedirectAttributes flash, Locale locale) {
        return refused(HttpStatus.NOT_FOUND, request, flash, text(locale, "schedules.refused.unknown", name));
    }

    private static String done(RedirectAttributes flash, String notice) {
        flash.addFlashAttribute("notice", notice);
        return BACK;
    }

    private static String refused(HttpStatus status, HttpServletRequest request, RedirectAttributes flash,
                                  String problem) {
        request.setAttribute(OperatorActions.REFUSED_STATUS, status.value());
        flash.addFlashAttribute("problem", problem);
        return BACK;
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
