package com.nightshift.schedules.console;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nightshift.console.ConsoleController;
import com.nightshift.console.FormAnswer;
import com.nightshift.ops.JobAlreadyRunningException;
import com.nightshift.ops.OpsAnswers;
import com.nightshift.ops.TooManyRunsException;
import com.nightshift.schedules.FireOutcome;
import com.nightshift.schedules.FireRecord;
import com.nightshift.schedules.FireRefusedException;
import com.nightshift.schedules.ScheduleAnswers;
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

    private static final String PAGE = "/console/schedules";

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
            return done(request, flash, text(locale, "schedules.paused", name));
        } catch (UnknownScheduleException e) {
            return refused(e, request, flash, text(locale, "schedules.refused.unknown", name));
        } catch (ScheduleStateException e) {
            return refused(e, request, flash, text(locale, "schedules.refused.pause", name));
        }
    }

    @PostMapping("/console/schedules/{name}/resume")
    String resume(@PathVariable String name, HttpServletRequest request, RedirectAttributes flash, Locale locale) {
        try {
            schedules.resume(name);
            return done(request, flash, text(locale, "schedules.resumed", name));
        } catch (UnknownScheduleException e) {
            return refused(e, request, flash, text(locale, "schedules.refused.unknown", name));
        } catch (ScheduleStateException e) {
            return refused(e, request, flash, text(locale, "schedules.refused.resume", name));
        }
    }

    @PostMapping("/console/schedules/{name}/fire")
    String fire(@PathVariable String name, HttpServletRequest request, RedirectAttributes flash, Locale locale)
            throws Exception {
        try {
            FireRecord fire = schedules.fire(name);
            String notice = text(locale, "schedules.fired", name, String.valueOf(fire.executionId()));
            // as the API answers: 202 and the execution while its run goes, 200 once it has ended
            if (fire.outcome() != FireOutcome.STARTED) {
                return done(request, flash, notice);
            }
            return FormAnswer.done(request, flash, HttpStatus.ACCEPTED, fire.executionId() == null ? null
                    : OpsAnswers.location(fire.executionId()).toString(), notice, PAGE);
        } catch (UnknownScheduleException e) {
            return refused(e, request, flash, text(locale, "schedules.refused.unknown", name));
        } catch (FireRefusedException | JobAlreadyRunningException e) {
            return refused(e, request, flash, text(locale, "schedules.refused.running", name));
        } catch (TooManyRunsException e) {
            return refused(e, request, flash, text(locale, "schedules.refused.busy", name));
        }
    }

    @PostMapping("/console/schedules/reload")
    String reload(HttpServletRequest request, RedirectAttributes flash, Locale locale) {
        try {
            SyncSummary summary = schedules.reload();
            return done(request, flash, text(locale, "schedules.reloaded", count(summary.added()),
                    count(summary.changed()), count(summary.removed()), summary.unchanged().size()));
        } catch (ScheduleFileException e) {
            // each problem names its file, schedule and field as the engine found it: shown as it is
            flash.addFlashAttribute("reloadProblems", e.problems());
            return refused(e, request, flash, text(locale, "schedules.refused.reload", e.problems().size()));
        }
    }

    /** {@code 2 (a, b)}, or {@code 0}: how many, and which. */
    private static String count(List<String> names) {
        return names.isEmpty() ? "0" : names.size() + " (" + String.join(", ", names) + ")";
    }

    /** Done as the API answers pause, resume, reload and an ended fire: 200, with nothing to point at. */
    private static String done(HttpServletRequest request, RedirectAttributes flash, String notice) {
        return FormAnswer.done(request, flash, HttpStatus.OK, null, notice, PAGE);
    }

    private static String refused(Exception refusal, HttpServletRequest request, RedirectAttributes flash,
                                  String problem) {
        return FormAnswer.refused(request, flash, ScheduleAnswers.statusOf(refusal), problem, PAGE);
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
