package com.nightshift.ops.console;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.nightshift.ops.JobExecutionView;
import com.nightshift.ops.StartedBy;

/** Turns an execution of the API's history into a row in the reader's words: status, times, who started it. */
@Component
class ExecutionRows {

    private final MessageSource messages;
    private final BusinessTime times;
    private final HumanDuration durations;
    private final Clock clock;

    ExecutionRows(MessageSource messages, BusinessTime times, HumanDuration durations, Clock clock) {
        this.messages = messages;
        this.times = times;
        this.durations = durations;
        this.clock = clock;
    }

    ExecutionRow row(JobExecutionView execution, Locale locale) {
        boolean running = execution.endTime() == null && execution.startTime() != null;
        // a run under way shows how long it has taken so far, which is what an operator watching it asks
        Long millis = running
                ? Long.valueOf(Duration.between(execution.startTime().toInstant(), clock.instant()).toMillis())
                : execution.durationMillis();
        String duration = durations.format(millis, locale);
        if (running) {
            duration = messages.getMessage("ops.duration.soFar", new Object[] {duration}, locale);
        }
        return new ExecutionRow(execution.id(), execution.job(), execution.status(),
                status(execution.status(), locale), times.format(execution.startTime()),
                times.format(execution.endTime()), millis, duration, running, execution.counts(),
                startedBy(execution.startedBy(), locale), firstLine(execution.exitDescription()));
    }

    String status(String status, Locale locale) {
        return messages.getMessage("ops.status." + status, null, status, locale);
    }

    private String startedBy(StartedBy by, Locale locale) {
        return switch (by.by()) {
            case StartedBy.SCHEDULE -> messages.getMessage("ops.startedBy.schedule",
                    new Object[] {by.schedule(), times.format(by.fire())}, locale);
            case StartedBy.API, StartedBy.CONSOLE -> by.user() == null
                    ? messages.getMessage("ops.startedBy." + by.by(), null, locale)
                    : messages.getMessage("ops.startedBy." + by.by() + ".user", new Object[] {by.user()}, locale);
            case StartedBy.COMMAND_LINE -> messages.getMessage("ops.startedBy.commandLine", null, locale);
            default -> messages.getMessage("ops.startedBy.unknown", null, locale);
        };
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }
}
