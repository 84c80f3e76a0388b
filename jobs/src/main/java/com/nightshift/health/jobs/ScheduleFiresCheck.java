package com.nightshift.health.jobs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.nightshift.schedules.SchedulesProperties;

/**
 * Schedule fires that ran nothing since the previous health run, as {@code schedule_fire} (changelog 016) records
 * them: REFUSED (the job was still running with the same parameters, often the previous fire's run; for a manual
 * fire, the instance ran as many jobs as it may; or the instance that claimed the fire died before starting its
 * run, settled later by another instance, so a fire counts when it was settled, not claimed) and SKIPPED
 * (fires missed while no instance was up or the schedule was paused, one row for all of them); and fires missed
 * now, not recorded yet: a schedule's Quartz trigger (not paused) whose time is more than
 * {@code nightshift.schedules.late-after} past, because no instance of this scheduler is serving or every Quartz
 * thread is busy. Any of these is WARN: the work was not done at its time. A fire whose run failed is
 * {@code jobs.failed}'s business.
 */
@Component
class ScheduleFiresCheck extends GrantAwareCheck {

    static final String NAME = "jobs.schedule-fires";
    /** Fires named in the message; the counts cover all of them. */
    private static final int NAMED = 10;

    /** Quartz's job group of the schedules (schedules.QuartzSchedules): one job per schedule, named for it. */
    private static final String SCHEDULES_GROUP = "nightshift-schedules";

    private final PreviousHealthRun previous;
    private final SchedulesProperties schedules;
    private final String schedulerName;

    ScheduleFiresCheck(HealthQueries queries, PreviousHealthRun previous, SchedulesProperties schedules,
                       Scheduler scheduler) throws SchedulerException {
        super(NAME, CheckGroup.JOBS, queries);
        this.previous = previous;
        this.schedules = schedules;
        // the instances sharing a database share the scheduler's name; another name's triggers are not ours
        this.schedulerName = scheduler.getSchedulerName();
    }

    @Override
    protected CheckResult judge(JdbcTemplate jdbc) {
        PreviousHealthRun.Since since = previous.since(jdbc);
        List<Fire> fires = jdbc.query("""
                SELECT schedule, fire_time, outcome, coalesce(message, '') AS message FROM schedule_fire
                WHERE (outcome = 'REFUSED' OR kind = 'SKIPPED') AND ended_at >= ?
                ORDER BY ended_at, id""", (rs, row) -> new Fire(rs.getString("schedule"),
                rs.getObject("fire_time", OffsetDateTime.class), rs.getString("outcome"), rs.getString("message")),
                OffsetDateTime.ofInstant(since.from(), ZoneOffset.UTC));
        long refused = fires.stream().filter(fire -> fire.outcome().equals("REFUSED")).count();
        long skipped = fires.size() - refused;
        List<Fire> overdue = overdue(jdbc);
        List<Measurement> values = List.of(new Measurement("refused", refused, 1.0, null, "fires"),
                new Measurement("skipped", skipped, 1.0, null, "records of missed fires"),
                new Measurement("overdue", overdue.size(), 1.0, null, "schedules"));
        if (fires.isEmpty() && overdue.isEmpty()) {
            return new CheckResult(NAME, group(), HealthState.OK, "Every schedule fire ran " + since.describe()
                    + ", and none is overdue.", values);
        }
        List<String> found = new ArrayList<>();
        if (!fires.isEmpty()) {
            found.add(String.format("%d schedule fire%s refused and %d record%s of missed fires %s: %s. A refused "
                    + "fire's message says why: its job still running (see jobs.long-running; a schedule firing "
                    + "faster than its job runs needs a longer interval), its instance busy, or its instance gone; "
                    + "missed fires mean no instance was serving, or the schedule was paused (GET /api/schedules)",
                    refused, refused == 1 ? "" : "s", skipped, skipped == 1 ? "" : "s", since.describe(),
                    named(fires)));
        }
        if (!overdue.isEmpty()) {
            found.add(String.format("%d schedule%s not fired more than %d s after %s time: %s. No instance of "
                    + "scheduler '%s' is serving ('nightshift serve'), or all its Quartz threads are busy "
                    + "(spring.quartz.properties.org.quartz.threadPool.threadCount)", overdue.size(),
                    overdue.size() == 1 ? "" : "s", schedules.lateAfter().toSeconds(),
                    overdue.size() == 1 ? "its" : "their", named(overdue), schedulerName));
        }
        return new CheckResult(NAME, group(), HealthState.WARN, String.join("; ", found) + ".", values);
    }

    /** Schedules whose next fire Quartz should have handed out by now and has not (a paused one waits on purpose). */
    private List<Fire> overdue(JdbcTemplate jdbc) {
        long before = Instant.now().minus(schedules.lateAfter()).toEpochMilli();
        return jdbc.query("""
                SELECT job_name, next_fire_time FROM qrtz_triggers
                WHERE sched_name = ? AND job_group = ? AND trigger_state = 'WAITING' AND next_fire_time < ?
                ORDER BY next_fire_time""", (rs, row) -> new Fire(rs.getString("job_name"),
                OffsetDateTime.ofInstant(Instant.ofEpochMilli(rs.getLong("next_fire_time")), ZoneOffset.UTC),
                "OVERDUE", ""), schedulerName, SCHEDULES_GROUP, before);
    }

    private static String named(List<Fire> fires) {
        return fires.stream().limit(NAMED).map(Fire::describe).collect(Collectors.joining("; "))
                + (fires.size() > NAMED ? "; and " + (fires.size() - NAMED) + " more" : "");
    }

    private record Fire(String schedule, OffsetDateTime time, String outcome, String message) {

        String describe() {
            return "schedule " + schedule + " " + outcome + (outcome.equals("OVERDUE") ? " since " : " at ")
                    + time.toInstant()
                    + (message.isBlank() ? "" : ": " + message.lines().findFirst().orElse(""));
        }
    }
}
