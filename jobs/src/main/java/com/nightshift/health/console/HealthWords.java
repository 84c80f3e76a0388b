package com.nightshift.health.console;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.nightshift.config.NightshiftProperties;
import com.nightshift.health.CheckGroup;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.nightshift.health.StoredResult;

/**
 * The health pages' words: states and groups in the reader's language ({@code health.state.*},
 * {@code health.group.*}), measured values beside their thresholds, times in the chain's zone to the second. The
 * checks' own messages are shown as the checks wrote them.
 */
@Component
class HealthWords {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MessageSource messages;
    private final ZoneId zone;

    HealthWords(MessageSource messages, NightshiftProperties properties) {
        this.messages = messages;
        this.zone = properties.zone();
    }

    ZoneId zone() {
        return zone;
    }

    String time(Instant time) {
        return time.atZone(zone).format(READABLE);
    }

    String state(HealthState state, Locale locale) {
        return messages.getMessage("health.state." + state.name(), null, locale);
    }

    String group(CheckGroup group, Locale locale) {
        return messages.getMessage("health.group." + group.name(), null, locale);
    }

    String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** A result as a row of the pages show it. */
    ResultRow row(StoredResult result, Locale locale) {
        List<String> values = result.values().stream().map(value -> value(value, locale)).toList();
        return new ResultRow(result.check(), result.group().name(), group(result.group(), locale),
                result.state().name(), state(result.state(), locale), result.message(), values,
                time(result.checkedAt()), result.tookMillis(), result.jobExecutionId());
    }

    /** {@code round_trip 3.2 ms (warn at 100 ms, critical at 500 ms)}: the value and what it was judged by. */
    String value(Measurement value, Locale locale) {
        String measured = value.name() + " " + amount(value.value(), value.unit());
        if (value.warnAt() != null && value.critAt() != null) {
            return measured + text(locale, "health.value.both", amount(value.warnAt(), value.unit()),
                    amount(value.critAt(), value.unit()));
        }
        if (value.warnAt() != null) {
            return measured + text(locale, "health.value.warn", amount(value.warnAt(), value.unit()));
        }
        if (value.critAt() != null) {
            return measured + text(locale, "health.value.crit", amount(value.critAt(), value.unit()));
        }
        return measured;
    }

    /** A number as people write it (grouped, at most two decimals) with its unit; {@code %} sticks to it. */
    static String amount(double value, String unit) {
        String number = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
        if (unit == null || unit.isBlank()) {
            return number;
        }
        return unit.equals("%") ? number + "%" : number + " " + unit;
    }
}
