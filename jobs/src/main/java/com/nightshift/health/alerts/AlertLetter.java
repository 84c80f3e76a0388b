package com.nightshift.health.alerts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import com.nightshift.delivery.Letter;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * Writes the letter of one decision: one alert with its own subject, or several as one digest whose subject says
 * how many and the worst. Each alert says what changed, since when, the values measured against their thresholds
 * and the check's message (what is wrong, what to do). The frame is in {@code nightshift.alerts.language}
 * ({@code alerts_<language>.properties} beside this class); the checks' messages are as they are.
 */
final class AlertLetter {

    private static final String BUNDLE = "com.nightshift.health.alerts.alerts";
    /** Most troubling first: the worst state, alerts before reminders, recoveries last; then by name. */
    private static final Comparator<Alert> ORDER = Comparator
            .comparing((Alert alert) -> alert.kind() == AlertKind.RECOVERY)
            .thenComparing(alert -> -alert.state().ordinal())
            .thenComparing(alert -> alert.kind() == AlertKind.REMINDER)
            .thenComparing(Alert::check);

    private final Locale language;
    private final ResourceBundle texts;
    private final DateTimeFormatter times;

    AlertLetter(Locale language, ZoneId zone) {
        this.language = language;
        this.texts = ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss (VV)", language).withZone(zone);
    }

    /** One letter per recipient, all alike. */
    List<Letter> to(List<String> recipients, String deliveryKey, List<Alert> alerts) {
        List<Alert> ordered = alerts.stream().sorted(ORDER).toList();
        String subject = subject(ordered);
        String body = body(ordered);
        return recipients.stream().map(email -> new Letter(deliveryKey, 0, null, email, null, subject, body,
                List.of(), null)).toList();
    }

    String subject(List<Alert> ordered) {
        if (ordered.size() > 1) {
            HealthState worst = ordered.stream().map(Alert::state).reduce(HealthState.OK, HealthState::worse);
            return worst == HealthState.OK ? format("subject.digest.recovered", ordered.size())
                    : format("subject.digest", ordered.size(), state(worst));
        }
        Alert alert = ordered.get(0);
        return switch (alert.kind()) {
            case ALERT -> format("subject.alert", state(alert.state()), alert.check());
            case RECOVERY -> format("subject.recovery", alert.check());
            case REMINDER -> format("subject.reminder", alert.check(), state(alert.state()));
        };
    }

    private String body(List<Alert> ordered) {
        Instant checked = ordered.stream().map(alert -> alert.result().checkedAt()).max(Comparator.naturalOrder())
                .orElseThrow();
        StringBuilder body = new StringBuilder(format("intro", time(checked))).append("\n\n");
        for (Alert alert : ordered) {
            section(alert).forEach(line -> body.append(line).append("\n"));
            body.append("\n");
        }
        return body.append(texts.getString("footer")).append("\n").toString();
    }

    private List<String> section(Alert alert) {
        String group = texts.getString("group." + alert.result().group().name());
        List<String> lines = new ArrayList<>();
        lines.add(switch (alert.kind()) {
            case ALERT -> format("heading.alert", state(alert.state()), alert.check(), group,
                    state(alert.previous()));
            case RECOVERY -> format("heading.recovery", alert.check(), group, state(alert.previous()));
            case REMINDER -> format("heading.reminder", alert.check(), group, state(alert.state()));
        });
        lines.add("  " + (alert.kind() == AlertKind.RECOVERY
                ? format("since.recovery", time(alert.since()), time(alert.previousSince()), state(alert.previous()))
                : format("since", time(alert.since()))));
        if (!alert.result().values().isEmpty()) {
            lines.add("  " + texts.getString("values"));
            alert.result().values().forEach(value -> lines.add("    " + measurement(value)));
        }
        lines.add("  " + format("message", alert.result().message()));
        return lines;
    }

    /** {@code connections_used = 92 % (警告阈值 80 %, 严重阈值 95 %)}. */
    private String measurement(Measurement value) {
        String unit = value.unit() == null || value.unit().isBlank() ? "" : " " + value.unit();
        List<String> thresholds = new ArrayList<>();
        if (value.warnAt() != null) {
            thresholds.add(format("threshold.warn", number(value.warnAt()) + unit));
        }
        if (value.critAt() != null) {
            thresholds.add(format("threshold.crit", number(value.critAt()) + unit));
        }
        String line = value.name() + " = " + number(value.value()) + unit;
        return thresholds.isEmpty() ? line : line + " (" + String.join(", ", thresholds) + ")";
    }

    private String number(double value) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(language)).format(value);
    }

    private String state(HealthState state) {
        return texts.getString("state." + state.name());
    }

    private String time(Instant instant) {
        return instant == null ? "?" : times.format(instant);
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(texts.getString(key), language).format(arguments);
    }
}
