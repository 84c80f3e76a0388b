package com.nightshift.reports.console;

import java.util.Arrays;
import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.nightshift.config.NightshiftProperties;
import com.nightshift.console.ConsoleController;
import com.nightshift.console.PageProblems;
import com.nightshift.delivery.Deliveries;
import com.nightshift.delivery.DeliveryState;

/**
 * {@code /console/reports/deliveries}: the report mail's ledger, how many letters are in each state and the newest
 * of them, filtered by state and period as {@code GET /api/reports/deliveries} filters them.
 */
@ConsoleController
class DeliveriesPage {

    private static final int SHOWN = 200;

    private final Deliveries deliveries;
    private final NightshiftProperties properties;
    private final PageProblems problems;

    DeliveriesPage(Deliveries deliveries, NightshiftProperties properties, PageProblems problems) {
        this.deliveries = deliveries;
        this.properties = properties;
        this.problems = problems;
    }

    @GetMapping("/console/reports/deliveries")
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String period,
                Model model) {
        DeliveryState only = state(state);
        String of = period == null || period.isBlank() ? null : period.trim();
        Map<DeliveryState, Long> counts = deliveries.countsByState(of);
        model.addAttribute("counts", counts);
        model.addAttribute("states", DeliveryState.values());
        model.addAttribute("deliveries", deliveries.listOfPeriod(only, of, SHOWN).stream()
                .map(record -> DeliveryRow.of(record, properties.zone())).toList());
        model.addAttribute("state", only == null ? null : only.name());
        model.addAttribute("period", of);
        model.addAttribute("shown", SHOWN);
        return "reports/deliveries";
    }

    private DeliveryState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return Arrays.stream(DeliveryState.values()).filter(known -> known.name().equalsIgnoreCase(state))
                .findFirst().orElseThrow(() -> problems.badRequest("reports.problem.state", state));
    }
}
