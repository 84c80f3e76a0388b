package com.nightshift.health.console;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.nightshift.console.ConsoleController;
import com.nightshift.console.PageProblems;
import com.nightshift.health.CurrentChecks;
import com.nightshift.health.HealthHistory;
import com.nightshift.health.HealthState;
import com.nightshift.health.StoredResult;
import com.nightshift.health.job.HealthRequest;

/**
 * {@code /console/health}: the latest result of every check this engine runs ({@link CurrentChecks}), grouped
 * ({@link Overview} says in which order), with the counts per state and, for operators, a button that starts the job
 * {@code health} through the start form's own endpoint (so it is checked, refused and audited exactly as a start
 * from {@code /console/jobs/health} is).
 */
@ConsoleController
class HealthOverviewPage {

    private final HealthHistory history;
    private final CurrentChecks checks;
    private final HealthWords words;
    private final PageProblems problems;

    HealthOverviewPage(HealthHistory history, CurrentChecks checks, HealthWords words, PageProblems problems) {
        this.history = history;
        this.checks = checks;
        this.words = words;
        this.problems = problems;
    }

    @GetMapping("/console/health")
    String overview(@RequestParam(defaultValue = "worst") String order, Locale locale, Model model) {
        Overview overview = Overview.named(order);
        if (overview == null) {
            throw problems.badRequest("health.problem.order", order);
        }
        List<StoredResult> latest = history.latest(checks.names());
        Map<HealthState, Long> counts = new EnumMap<>(HealthState.class);
        for (HealthState state : HealthState.values()) {
            counts.put(state, latest.stream().filter(result -> result.state() == state).count());
        }
        model.addAttribute("sections", overview.sections(latest, words, locale));
        model.addAttribute("counts", counts);
        model.addAttribute("total", latest.size());
        model.addAttribute("order", overview.parameter());
        model.addAttribute("job", HealthRequest.DESCRIPTION.name());
        model.addAttribute("zone", words.zone().getId());
        return "health/overview";
    }
}
