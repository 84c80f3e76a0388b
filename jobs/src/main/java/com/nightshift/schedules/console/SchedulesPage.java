package com.nightshift.schedules.console;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.nightshift.audit.OperatorAction;
import com.nightshift.audit.OperatorActions;
import com.nightshift.console.ConsoleController;
import com.nightshift.console.PageProblems;
import com.nightshift.schedules.ScheduleDefinition;
import com.nightshift.schedules.ScheduleState;
import com.nightshift.schedules.ScheduleStatus;
import com.nightshift.schedules.Schedules;
import com.nightshift.schedules.UnknownScheduleException;

/**
 * {@code /console/schedules}: every schedule with its state, its fire before and its next ones, who paused it;
 * {@code /console/schedules/{name}/preview}: its next fires with the parameters each run would get, as
 * {@code GET /api/schedules/{name}/preview} gives them.
 */
@ConsoleController
class SchedulesPage {

    /** Next fires per row, as the API's list shows. */
    private static final int NEXT_FIRES = 3;
    private static final int MOST_PREVIEWED = 100;
    /** Pauses and resumes read back to find the pause (fires are not read): refused ones since do not hide it. */
    private static final int ACTIONS_READ = 20;

    private final Schedules schedules;
    private final OperatorActions actions;
    private final CronWords cronWords;
    private final PageProblems problems;

    SchedulesPage(Schedules schedules, OperatorActions actions, CronWords cronWords, PageProblems problems) {
        this.schedules = schedules;
        this.actions = actions;
        this.cronWords = cronWords;
        this.problems = problems;
    }

    @GetMapping("/console/schedules")
    String list(Model model, Locale locale) {
        model.addAttribute("schedules", schedules.statuses(NEXT_FIRES).stream()
                .map(status -> ScheduleRow.of(status, cronWords.of(status.definition().cron(), locale).orElse(null),
                        pausedBy(status).orElse(null))).toList());
        model.addAttribute("folder", schedules.location());
        return "schedules/list";
    }

    @GetMapping("/console/schedules/{name}/preview")
    String preview(@PathVariable String name, @RequestParam(defaultValue = "10") int count, Model model) {
        if (count < 1 || count > MOST_PREVIEWED) {
            throw problems.badRequest("schedules.problem.count", String.valueOf(MOST_PREVIEWED),
                    String.valueOf(count));
        }
        ScheduleDefinition definition = definition(name);
        List<Instant> fires = schedules.preview(name, count);
        model.addAttribute("schedule", definition);
        model.addAttribute("count", count);
        model.addAttribute("fires", fires.stream().map(fire -> new PreviewFire(fire.atZone(definition.zone()),
                new TreeMap<>(Schedules.parametersAt(definition, fire)))).toList());
        return "schedules/preview";
    }

    /** One fire to come and the parameters its run would get. */
    record PreviewFire(ZonedDateTime time, Map<String, String> parameters) {
    }

    /** The pause that holds now: the newest done pause, unless a done resume came after it. */
    private Optional<OperatorAction> pausedBy(ScheduleStatus status) {
        if (status.state() != ScheduleState.PAUSED) {
            return Optional.empty();
        }
        return actions.about("schedules/" + status.definition().name(), List.of("pause", "resume"), ACTIONS_READ)
                .stream().filter(action -> action.status() < 400).findFirst()
                .filter(action -> action.action().equals("pause"));
    }

    private ScheduleDefinition definition(String name) {
        try {
            return schedules.definition(name);
        } catch (UnknownScheduleException e) {
            throw problems.notFound("schedules.refused.unknown", name);
        }
    }
}
