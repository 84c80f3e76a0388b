package com.nightshift.schedules;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nightshift.calendar.IsoWeek;

/**
 * The {@code ${...}} expressions a schedule's parameters may hold, resolved against the business date a fire
 * falls on in the schedule's zone: {@code ${today}}, {@code ${yesterday}} (yyyy-MM-dd) and {@code ${lastIsoWeek}}
 * (the ISO week before today's, such as 2026-W48).
 */
public final class DateExpressions {

    /** A name without '$' or '{', so that one left open before another is seen as unclosed, not as unknown. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}${]*)}");
    private static final Map<String, Function<LocalDate, String>> NAMES = namesInOrder();

    private DateExpressions() {
    }

    private static Map<String, Function<LocalDate, String>> namesInOrder() {
        Map<String, Function<LocalDate, String>> names = new LinkedHashMap<>();
        names.put("today", LocalDate::toString);
        names.put("yesterday", today -> today.minusDays(1).toString());
        names.put("lastIsoWeek", today -> IsoWeek.of(today).previous().toString());
        return names;
    }

    /** The expressions there are, for messages and documentation. */
    public static List<String> names() {
        return List.copyOf(NAMES.keySet());
    }

    /** Each value with its expressions replaced; values without any are kept as they are. */
    public static Map<String, String> resolve(Map<String, String> parameters, LocalDate today) {
        Map<String, String> resolved = new LinkedHashMap<>();
        parameters.forEach((name, value) -> resolved.put(name, resolve(value, today)));
        return resolved;
    }

    /** @throws IllegalArgumentException naming an expression that is unknown or not closed */
    public static String resolve(String value, LocalDate today) {
        Matcher matcher = EXPRESSION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            Function<LocalDate, String> expression = NAMES.get(matcher.group(1).strip());
            if (expression == null) {
                throw new IllegalArgumentException("unknown expression '" + matcher.group() + "' (known: "
                        + String.join(", ", NAMES.keySet().stream().map(name -> "${" + name + "}").toList()) + ")");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(expression.apply(today)));
        }
        matcher.appendTail(resolved);
        if (resolved.indexOf("${") >= 0) {
            throw new IllegalArgumentException("unclosed expression in '" + value + "': write it as ${name}");
        }
        return resolved.toString();
    }

    /** Whether the value holds an expression, i.e. differs from one business date to the next. */
    public static boolean isDated(String value) {
        return EXPRESSION.matcher(value).find();
    }
}
