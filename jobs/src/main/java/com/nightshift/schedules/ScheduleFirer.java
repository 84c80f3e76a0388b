package com.nightshift.schedules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Service;

import com.nightshift.ops.JobAlreadyRunningException;
import com.nightshift.ops.JobRunner;
import com.nightshift.ops.TooManyRunsException;

/**
 * What a schedule's fire does, in the Quartz thread that fired it: the next fire's trigger goes in first (so a
 * failure here never stops the schedule), then the fire is claimed (its {@code schedule_fire} row, committed
 * before the run: a fire claimed already is not run again) and run. A fire that starts later than
 * {@code nightshift.schedules.late-after} is a misfire, handled by the schedule's {@link Misfire}.
 */
@Service
class ScheduleFirer {

    private static final Logger log = LoggerFactory.getLogger(ScheduleFirer.class);
    /** Enough missed fires for any catch-up: a schedule every second for a day. */
    private static final int MOST_MISSED_FIRES = 100_000;
    private static final int MESSAGE_LENGTH = 500;

    private final JobRunner runner;
    private final FireRecords records;
    private final QuartzSchedules quartz;
    private final SchedulesProperties properties;
    private final Clock clock;

    ScheduleFirer(JobRunner runner, FireRecords records, QuartzSchedules quartz, SchedulesProperties properties,
                  Clock clock) {
        this.runner = runner;
        this.records = records;
        this.quartz = quartz;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Handles the fire of {@code definition} meant for {@code fire}.
     *
     * @param skippedBefore how many fires a skip left out just before this one, noted on its run
     */
    void fire(ScheduleDefinition definition, Instant fire, int skippedBefore) throws SchedulerException {
        Instant now = clock.instant();
        Duration late = Duration.between(fire, now);
        boolean misfire = late.compareTo(properties.lateAfter()) > 0;
        Optional<Instant> baseline = misfire ? records.baseline(definition.name()) : Optional.empty();
        if (baseline.isEmpty()) {
            if (misfire) {
                log.info("Schedule {} fires {} late; it has no fire recorded to catch up from, so it runs this "
                        + "fire only", definition.name(), late);
            }
            onTime(definition, fire, skippedBefore);
        } else {
            misfired(definition, baseline.get(), fire, now, late);
        }
    }

    private void onTime(ScheduleDefinition definition, Instant fire, int skippedBefore) throws SchedulerException {
        nextFire(definition, fire, 0);
        Map<String, String> notes = FireNotes.of(definition.name(), fire, definition.zone(), FireKind.SCHEDULED);
        if (skippedBefore > 0) {
            notes.put(FireNotes.SKIPPED, Integer.toString(skippedBefore));
        }
        if (!claimAndRun(definition, fire, FireKind.SCHEDULED, CatchUpPlan.resolved(definition, fire), notes)) {
            handBack(definition, fire);
        }
    }

    /** Every fire due since the baseline is handled here, so the next trigger is after now, not after this fire. */
    private void misfired(ScheduleDefinition definition, Instant baseline, Instant fire, Instant now, Duration late)
            throws SchedulerException {
        Instant from = baseline.isAfter(fire) ? baseline : earliestToConsider(definition, baseline, now);
        List<Instant> missed = newestMissed(definition, from, now);
        if (definition.misfire() == Misfire.SKIP) {
            nextFire(definition, now, missed.size());
            skip(definition, missed, "skipped (misfire: skip) after starting " + late + " late");
        } else {
            nextFire(definition, now, 0);
            catchUp(definition, missed);
        }
    }

    /**
     * Claims a fire of the schedule now, outside its times (kind MANUAL), with its parameters resolved for now: the
     * caller runs it ({@link #run}).
     */
    ManualFire claimManual(ScheduleDefinition definition) throws SchedulerException {
        Instant now = clock.instant();
        Map<String, String> parameters = CatchUpPlan.resolved(definition, now);
        long id = records.claim(definition.name(), now, FireKind.MANUAL, parameters, quartz.instanceId())
                .orElseThrow(() -> new IllegalStateException("a manual fire is never claimed twice"));
        return new ManualFire(id, now, parameters,
                FireNotes.of(definition.name(), now, definition.zone(), FireKind.MANUAL));
    }

    /** A manual fire claimed and not yet run. */
    record ManualFire(long id, Instant time, Map<String, String> parameters, Map<String, String> notes) {
    }

    /** Records fires missed while nothing ran them (a skip, a pause) as one SKIPPED row at the last of them. */
    void skip(ScheduleDefinition definition, List<Instant> missed, String why) throws SchedulerException {
        if (missed.isEmpty()) {
            return;
        }
        Instant last = missed.get(missed.size() - 1);
        String message = missed.size() + " fire(s) from " + missed.get(0) + " to " + last + " " + why;
        if (records.skipped(definition.name(), last, CatchUpPlan.resolved(definition, last), quartz.instanceId(),
                message)) {
            log.warn("Schedule {}: {}", definition.name(), message);
        }
    }

    /**
     * Runs a claimed fire in this thread and records how it ended.
     *
     * @return false when this instance took no run because it is shutting down: the claim is given back, for
     *         the caller to hand the fire to another instance
     */
    private boolean run(long id, ScheduleDefinition definition, Map<String, String> parameters,
                        Map<String, String> notes) {
        try {
            JobExecution execution = runner.run(definition.job(), parameters, notes);
            FireOutcome outcome = FireOutcome.of(execution.getStatus());
            String description = execution.getExitStatus().getExitDescription();
            records.ended(id, outcome, execution.getId(), outcome == FireOutcome.COMPLETED ? null : brief(description));
            log.info("Schedule {} fire {} ({}) ran {} {}: execution {} {}", definition.name(),
                    notes.get(FireNotes.FIRE), notes.get(FireNotes.KIND), definition.job(), parameters,
                    execution.getId(), execution.getStatus());
        } catch (JobAlreadyRunningException e) {
            records.ended(id, FireOutcome.REFUSED, null, brief(e.getMessage()));
            log.warn("Schedule {} fire {} refused: {}", definition.name(), notes.get(FireNotes.FIRE), e.getMessage());
        } catch (TooManyRunsException e) {
            records.release(id);
            return false;
        } catch (Exception e) {
            // the run may have failed after its execution was recorded: the fire still points at it
            Long execution = records.executionNoted(definition.name(), notes.get(FireNotes.FIRE)).orElse(null);
            records.ended(id, FireOutcome.FAILED, execution,
                    brief(e.getClass().getSimpleName() + ": " + e.getMessage()));
            log.error("Schedule {} fire {} failed to start {}", definition.name(), notes.get(FireNotes.FIRE),
                    definition.job(), e);
        }
        return true;
    }

    private void catchUp(ScheduleDefinition definition, List<Instant> missed) throws SchedulerException {
        List<CatchUpPlan.Fire> plan = CatchUpPlan.of(definition, missed,
                parameters -> runner.hasCompleted(definition.job(), parameters));
        if (plan.isEmpty()) {
            skip(definition, missed, "not run (misfire: catch-up): each one's parameters already completed");
            return;
        }
        log.warn("Schedule {} missed {} fire(s) since its last; catching up {} of them, oldest first: {}",
                definition.name(), missed.size(), plan.size(),
                plan.stream().map(CatchUpPlan.Fire::parameters).toList());
        for (CatchUpPlan.Fire fire : plan) {
            if (!claimAndRun(definition, fire.time(), FireKind.CATCH_UP, fire.parameters(),
                    FireNotes.of(definition.name(), fire.time(), definition.zone(), FireKind.CATCH_UP))) {
                // the dates after it too: whoever takes the fire catches up from the last one recorded
                handBack(definition, fire.time());
                return;
            }
        }
    }

    /** @return false when the fire was not taken here (the instance is shutting down), its claim given back */
    private boolean claimAndRun(ScheduleDefinition definition, Instant fire, FireKind kind,
                                Map<String, String> parameters, Map<String, String> notes) throws SchedulerException {
        Optional<Long> claim = records.claim(definition.name(), fire, kind, parameters, quartz.instanceId());
        if (claim.isEmpty()) {
            log.info("Schedule {} fire {} was claimed already (by another instance, or a trigger added twice); "
                    + "not running it again", definition.name(), notes.get(FireNotes.FIRE));
            return true;
        }
        return run(claim.get(), definition, parameters, notes);
    }

    /**
     * Gives a fire this instance could not run (it is shutting down, its scheduler already on standby) to the
     * cluster: a trigger for it, due now, that another instance fires, or this one's next start; late by then,
     * it is caught up or skipped from the last fire recorded, as the schedule says.
     */
    private void handBack(ScheduleDefinition definition, Instant fire) throws SchedulerException {
        quartz.handBack(definition.name(), fire);
        log.warn("Schedule {}: this instance is shutting down, so its fire at {} is handed to another instance (or "
                + "the next start)", definition.name(), fire);
    }

    private void nextFire(ScheduleDefinition definition, Instant after, int skippedBefore) throws SchedulerException {
        Optional<Instant> next = definition.fireTimes().nextAfter(after);
        if (next.isPresent()) {
            quartz.addFire(definition.name(), next.get(), skippedBefore);
        } else {
            log.info("Schedule {} has no fire after {}: its cron '{}' never fires again", definition.name(), after,
                    definition.cron());
        }
    }

    /**
     * The fires due after {@code from} up to {@code now}; for a frequent schedule after a long downtime, only the
     * newest {@value #MOST_MISSED_FIRES}, which are the ones a catch-up or a skip needs.
     */
    private static List<Instant> newestMissed(ScheduleDefinition definition, Instant from, Instant now) {
        List<Instant> missed = definition.fireTimes().between(from, now, MOST_MISSED_FIRES);
        if (missed.size() < MOST_MISSED_FIRES) {
            return missed;
        }
        Duration span = Duration.between(missed.get(0), missed.get(missed.size() - 1));
        return definition.fireTimes().between(now.minus(span), now, MOST_MISSED_FIRES);
    }

    /**
     * Where the walk over missed fires starts: the baseline, or for a long downtime only as far back as the
     * catch-up limit can reach (a week per business date covers daily and weekly parameters alike).
     */
    private static Instant earliestToConsider(ScheduleDefinition definition, Instant baseline, Instant now) {
        Instant reach = now.minus(Duration.ofDays(7L * (definition.catchUpLimit() + 1)));
        return baseline.isAfter(reach) ? baseline : reach;
    }

    static String brief(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        return message.length() <= MESSAGE_LENGTH ? message : message.substring(0, MESSAGE_LENGTH) + "...";
    }
}
