package com.nightshift.health.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.nightshift.health.CurrentChecks;
import com.nightshift.health.HealthHistory;
import com.nightshift.health.StoredResult;

/**
 * The health checks' results: {@code GET /api/health} the latest of each check this engine runs
 * ({@link CurrentChecks}), {@code GET /api/health/history} one check's results (of any check ever stored) over a
 * time range ({@code from} inclusive, {@code to} exclusive, ISO-8601 instants such as {@code 2026-12-07T02:00:00Z}),
 * newest first, at most {@code limit}.
 */
@RestController
@RequestMapping("/api/health")
class HealthController {

    static final int MAX_LIMIT = 1000;

    private final HealthHistory history;
    private final CurrentChecks checks;

    HealthController(HealthHistory history, CurrentChecks checks) {
        this.history = history;
        this.checks = checks;
    }

    @GetMapping
    List<StoredResult> latest() {
        return history.latest(checks.names());
    }

    @GetMapping("/history")
    List<StoredResult> history(@RequestParam(required = false) String check,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "100") int limit) {
        if (check == null || check.isBlank()) {
            throw new InvalidHealthQueryException("check", "'check' must name a check, e.g. database.pool");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidHealthQueryException("limit",
                    "'limit' must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw new InvalidHealthQueryException("from", "'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        return history.history(check, fromInstant, toInstant, limit);
    }

    private static Instant instant(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidHealthQueryException(parameter, "'" + parameter + "' must be an instant such as "
                    + "2026-12-07T02:00:00Z, was '" + text + "'");
        }
    }
}
