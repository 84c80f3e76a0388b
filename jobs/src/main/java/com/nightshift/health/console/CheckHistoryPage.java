package com.nightshift.health.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.nightshift.console.ConsoleController;
import com.nightshift.console.PageProblems;
import com.nightshift.health.CurrentChecks;
import com.nightshift.health.HealthHistory;
import com.nightshift.health.Measurement;
import com.nightshift.health.StoredResult;

/**
 * {@code /console/health/{check}}: one check's results from the day {@code from} to the day {@code to} (both
 * included, {@code 2026-12-07}, in the chain's zone; by default the last {@value #DEFAULT_DAYS} days): a state strip,
 * a trend chart per measured value with its thresholds, and every result, newest first. A check is known if it is
 * one of this version's checks or has results kept (a check since removed keeps its history); any other name is
 * the console's 404.
 */
@ConsoleController
class CheckHistoryPage {

    static final int DEFAULT_DAYS = 30;
    /** Results drawn at most: a month of hourly runs; beyond it the page shows the newest and says so. */
    static final int MOST_SHOWN = 1000;

    private final HealthHistory history;
    private final CurrentChecks checks;
    private final HealthWords words;
    private final PageProblems problems;
    private final Clock clock;

    CheckHistoryPage(HealthHistory history, CurrentChecks checks, HealthWords words, PageProblems problems,
                     Clock clock) {
        this.history = history;
        this.checks = checks;
        this.words = words;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/console/health/{check}")
    String check(@PathVariable String check, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, Locale locale, Model model) {
        if (!checks.contains(check) && history.history(check, null, null, 1).isEmpty()) {
            throw problems.notFound("health.problem.unknown", check);
        }
        LocalDate last = day("to", to, LocalDate.now(clock.withZone(words.zone())));
        LocalDate first = day("from", from, last.minusDays(DEFAULT_DAYS - 1));
        if (first.isAfter(last)) {
            throw problems.badRequest("health.problem.range", first.toString(), last.toString());
        }
        List<StoredResult> newestFirst = history.history(check, first.atStartOfDay(words.zone()).toInstant(),
                last.plusDays(1).atStartOfDay(words.zone()).toInstant(), MOST_SHOWN);
        model.addAttribute("check", check);
        model.addAttribute("from", first.toString());
        model.addAttribute("to", last.toString());
        model.addAttribute("limited", newestFirst.size() == MOST_SHOWN);
        model.addAttribute("mostShown", MOST_SHOWN);
        model.addAttribute("results", newestFirst.stream().map(result -> words.row(result, locale)).toList());
        model.addAttribute("zone", words.zone().getId());
        if (!newestFirst.isEmpty()) {
            drawings(newestFirst, locale, model);
        }
        return "health/check";
    }

    /** The state strip and the trend charts, on one time axis from the first result shown to the last. */
    private void drawings(List<StoredResult> newestFirst, Locale locale, Model model) {
        List<StoredResult> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        TimeAxis axis = new TimeAxis(oldestFirst.get(0).checkedAt(), newestFirst.get(0).checkedAt());
        model.addAttribute("strip", StateStrip.of(oldestFirst.stream().map(result -> new StateStrip.Mark(
                result.checkedAt(), result.state().name(), title(result, locale))).toList(), axis));
        model.addAttribute("charts", charts(newestFirst, oldestFirst, axis, locale));
        model.addAttribute("firstTime", words.time(axis.first()));
        model.addAttribute("lastTime", words.time(axis.last()));
    }

    /** One chart per measured value, the values the newest result measured first. */
    private List<TrendChart> charts(List<StoredResult> newestFirst, List<StoredResult> oldestFirst, TimeAxis axis,
                                    Locale locale) {
        Map<String, String> units = new LinkedHashMap<>();
        newestFirst.forEach(result -> result.values().forEach(value -> units.putIfAbsent(value.name(),
                value.unit())));
        return units.entrySet().stream().map(measured -> TrendChart.of(measured.getKey(), measured.getValue(),
                oldestFirst.stream().flatMap(result -> result.values().stream()
                        .filter(value -> value.name().equals(measured.getKey()))
                        .map(value -> sample(result, value, locale))).toList(), axis)).toList();
    }

    private TrendChart.Sample sample(StoredResult result, Measurement value, Locale locale) {
        return new TrendChart.Sample(result.checkedAt(), value.value(), value.warnAt(), value.critAt(),
                result.state().name(), words.time(result.checkedAt()) + " · " + words.value(value, locale) + " · "
                + words.state(result.state(), locale));
    }

    private String title(StoredResult result, Locale locale) {
        return words.time(result.checkedAt()) + " · " + words.state(result.state(), locale) + " · "
                + result.message();
    }

    /** A day of the form; empty or absent is {@code otherwise}. */
    private LocalDate day(String parameter, String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw problems.badRequest("health.problem.day", parameter, text);
        }
    }
}
