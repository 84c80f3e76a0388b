package com.nightshift.schedules.api;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.nightshift.schedules.FireOutcome;
import com.nightshift.schedules.FireRecord;
import com.nightshift.schedules.ScheduleDefinition;
import com.nightshift.schedules.Schedules;
import com.nightshift.schedules.SyncSummary;

/**
 * The schedules for operators: {@code GET /api/schedules} (each with its state, previous fire and next fires),
 * {@code GET /api/schedules/{name}/preview?count=N}, {@code POST /api/schedules/{name}/pause}, {@code /resume},
 * {@code /fire} (runs it now, parameters resolved now) and {@code POST /api/schedules/reload}.
 */
@RestController
class SchedulesController {

    /** Next fires shown per schedule in the list. */
    private static final int NEXT_FIRES = 3;
    private static final int MOST_PREVIEWED = 100;

    private final Schedules schedules;

    SchedulesController(Schedules schedules) {
        this.schedules = schedules;
    }

    @GetMapping("/api/schedules")
    List<ScheduleView> list() {
        return schedules.statuses(NEXT_FIRES).stream().map(ScheduleView::of).toList();
    }

    @GetMapping("/api/schedules/{name}/preview")
    PreviewView preview(@PathVariable String name, @RequestParam(defaultValue = "5") int count) {
        if (count < 1 || count > MOST_PREVIEWED) {
            throw new InvalidPreviewCountException(count, MOST_PREVIEWED);
        }
        ScheduleDefinition definition = schedules.definition(name);
        return PreviewView.of(definition, schedules.preview(name, count));
    }

    @PostMapping("/api/schedules/{name}/pause")
    ScheduleView pause(@PathVariable String name) {
        schedules.pause(name);
        return view(name);
    }

    @PostMapping("/api/schedules/{name}/resume")
    ScheduleView resume(@PathVariable String name) {
        schedules.resume(name);
        return view(name);
    }

    /** 202 with the fire while its run goes (Location: the execution), 200 once it has ended. */
    @PostMapping("/api/schedules/{name}/fire")
    ResponseEntity<FireView> fire(@PathVariable String name) throws Exception {
        FireRecord fire = schedules.fire(name);
        FireView view = FireView.of(fire, schedules.definition(name).zone());
        if (fire.outcome() != FireOutcome.STARTED) {
            return ResponseEntity.ok(view);
        }
        ResponseEntity.BodyBuilder accepted = ResponseEntity.accepted();
        if (fire.executionId() != null) {
            accepted.location(URI.create("/api/jobs/executions/" + fire.executionId()));
        }
        return accepted.body(view);
    }

    @PostMapping("/api/schedules/reload")
    SyncSummary reload() {
        return schedules.reload();
    }

    private ScheduleView view(String name) {
        return schedules.statuses(NEXT_FIRES).stream().filter(status -> status.definition().name().equals(name))
                .findFirst().map(ScheduleView::of).orElseThrow();
    }
}
