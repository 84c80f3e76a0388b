package com.nightshift.health.jobs;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * Schedule fires that ran nothing since the previous health run, as {@code schedule_fire} (changelog 016) records
 * them: REFUSED (the job was still running with the same parameters, often the previous fire's run) and SKIPPED
 * (fires missed while no instance was up or the schedule was paused, one row for all of them). Either is WARN: the
 * work was not done at its time. A fire whose run failed is {@code jobs.failed}'s business.
 */
@Component
class ScheduleFiresCheck extends GrantAwareCheck {

    static final String NAME = "jobs.schedule-fires";
    /** Fires named in the message; the counts cover all of them. */
    private static final int NAMED = 10;

    private final PreviousHealthRun previous;

    ScheduleFiresCheck(HealthQueries queries, PreviousHealthRun previous) {
        super(NAME, CheckGroup.JOBS, queries);
        this.previous = previous;
    }

    @Override
    protected CheckResult judge(JdbcTemplate jdbc) {
        PreviousHealthRun.Since since = previous.since(jdbc);
        List<Fire> fires = jdbc.query("""
                SELECT schedule, fire_time, outcome, coalesce(message, '') AS message FROM schedule_fire
                WHERE (outcome = 'REFUSED' OR kind = 'SKIPPED') AND claimed_at >= ?
                ORDER BY claimed_at, id""", (rs, row) -> new Fire(rs.getString("schedule"),
                rs.getObject("fire_time", OffsetDateTime.class), rs.getString("outcome"), rs.getString("message")),
                OffsetDateTime.ofInstant(since.from(), ZoneOffset.UTC));
        long refused = fires.stream().filter(fire -> fire.outcome().equals("REFUSED")).count();
        long skipped = fires.size() - refused;
        List<Measurement> values = List.of(new Measurement("refused", refused, 1.0, null, "fires"),
                new Measurement("skipped", skipped, 1.0, null, "records of missed fires"));
        if (fires.isEmpty()) {
            return new CheckResult(NAME, group(), HealthState.OK, "Every schedule fire ran " + since.describe()
                    + ".", values);
        }
        String named = fires.stream().limit(NAMED).map(Fire::describe).collect(Collectors.joining("; "))
                + (fires.size() > NAMED ? "; and " + (fires.size() - NAMED) + " more" : "");
        return new CheckResult(NAME, group(), HealthState.WARN, String.format("%d schedule fire%s refused and %d "
                + "record%s of missed fires %s: %s. A refused fire found its job still running (see "
                + "jobs.long-running; a schedule firing faster than its job runs needs a longer interval); missed "
                + "fires mean no instance was serving, or the schedule was paused (GET /api/schedules).", refused,
                refused == 1 ? "" : "s", skipped, skipped == 1 ? "" : "s", since.describe(), named), values);
    }

    private record Fire(String schedule, OffsetDateTime time, String outcome, String message) {

        String describe() {
            return "schedule " + schedule + " " + outcome + " at " + time.toInstant()
                    + (message.isBlank() ? "" : ": " + message.lines().findFirst().orElse(""));
        }
    }
}
