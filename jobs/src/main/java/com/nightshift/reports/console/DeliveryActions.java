package com.nightshift.reports.console;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nightshift.audit.OperatorActions;
import com.nightshift.console.ConsoleController;
import com.nightshift.console.FormAnswer;
import com.nightshift.delivery.Deliveries;
import com.nightshift.delivery.DeliveryAnswers;
import com.nightshift.delivery.DeliveryNotResendableException;
import com.nightshift.delivery.DeliveryRecord;
import com.nightshift.delivery.DeliveryState;
import com.nightshift.delivery.UnknownDeliveryException;

/**
 * The deliveries page's buttons: resend one letter, or every failed letter of a period, posted to the API's paths
 * under {@code /console} (audited as the API's) and sent through the same ledger, recorded as requested by the
 * operator who pressed it. Answered with the deliveries page (of the same period) and a notice or a problem; a
 * refusal carries the API's status for the audit.
 */
@ConsoleController
class DeliveryActions {

    private static final String PAGE = "/console/reports/deliveries";

    private final Deliveries deliveries;
    private final MessageSource messages;

    DeliveryActions(Deliveries deliveries, MessageSource messages) {
        this.deliveries = deliveries;
        this.messages = messages;
    }

    @PostMapping("/console/reports/deliveries/{id}/resend")
    String resend(@PathVariable String id, @RequestParam(required = false) String period, Principal user,
                  HttpServletRequest request, RedirectAttributes flash, Locale locale) {
        keepPeriod(period, flash);
        try {
            DeliveryRecord resend = deliveries.resend(Long.parseLong(id), name(user));
            return FormAnswer.done(request, flash, HttpStatus.OK, null, text(locale, "reports.resent", id,
                    resend.email(), text(locale, "reports.state." + resend.state().name())), PAGE);
        } catch (UnknownDeliveryException | NumberFormatException e) {
            return FormAnswer.refused(request, flash, DeliveryAnswers.statusOf(e),
                    text(locale, "reports.refused.unknown", id), PAGE);
        } catch (DeliveryNotResendableException e) {
            return FormAnswer.refused(request, flash, DeliveryAnswers.statusOf(e),
                    text(locale, "reports.refused.onItsWay", id), PAGE);
        }
    }

    @PostMapping("/console/reports/deliveries/resend-failed")
    String resendFailed(@RequestParam(required = false) String period, Principal user, HttpServletRequest request,
                        RedirectAttributes flash, Locale locale) {
        if (period == null || period.isBlank()) {
            return FormAnswer.refused(request, flash, HttpStatus.BAD_REQUEST, text(locale, "reports.refused.noPeriod"),
                    PAGE);
        }
        keepPeriod(period, flash);
        List<DeliveryRecord> resent = deliveries.resendFailedOfPeriod(period.trim(), name(user));
        long delivered = resent.stream().filter(record -> record.state() == DeliveryState.DELIVERED).count();
        return FormAnswer.done(request, flash, HttpStatus.OK, null, text(locale, "reports.resentFailed",
                period.trim(), String.valueOf(resent.size()), String.valueOf(delivered)), PAGE);
    }

    /** Back to the period the operator was looking at. */
    private static void keepPeriod(String period, RedirectAttributes flash) {
        if (period != null && !period.isBlank()) {
            flash.addAttribute("period", period.trim());
        }
    }

    /** As the API's interceptor names the user: anonymous while logins are off. */
    private static String name(Principal user) {
        return user == null ? OperatorActions.ANONYMOUS : user.getName();
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
