package com.nightshift.ops.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.nightshift.ops.JobExecutionView;

/**
 * Why a run failed, in the words an operator reads first, and the full text (stack traces included) for whoever
 * digs further. The message is the first line of the job's exit description (jobs write it for people) or, without
 * one, of the first failed step's, less the Java class names before it; the trace is the job's description and
 * every failed step's, where Spring Batch keeps the stack traces.
 *
 * @param message one line, for {@code #error-message}
 * @param trace   the whole text, for the folded {@code #error-trace}; null when the message says it all
 */
record PlainError(String message, String trace) {

    // "org.postgresql.util.PSQLException: " or "PSQLException: ": a programmer's label, not the reason
    private static final Pattern EXCEPTION_NAME =
            Pattern.compile("(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)(?::\\s*|$)");

    /** Null when the execution left nothing to say. */
    static PlainError of(JobExecutionView execution) {
        List<String> texts = new ArrayList<>();
        if (!isBlank(execution.exitDescription())) {
            texts.add(execution.exitDescription().strip());
        }
        if (execution.steps() != null) {
            execution.steps().stream()
                    .filter(step -> step.status().equals("FAILED") && !isBlank(step.exitDescription()))
                    .forEach(step -> texts.add("[" + step.name() + "]\n" + step.exitDescription().strip()));
        }
        if (texts.isEmpty()) {
            return null;
        }
        String firstLine = texts.get(0).lines().filter(line -> !line.isBlank() && !line.startsWith("["))
                .findFirst().orElse(texts.get(0)).strip();
        String message = EXCEPTION_NAME.matcher(firstLine).replaceAll("").strip();
        String trace = String.join("\n\n", texts);
        return new PlainError(message.isEmpty() ? firstLine : message, trace.equals(firstLine) ? null : trace);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
