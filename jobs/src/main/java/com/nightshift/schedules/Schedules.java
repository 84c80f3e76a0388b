package com.nightshift.schedules;

import java.time.Clock;
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
 * Operating the schedules, for the API and the command line: their state and next fires, a preview, pause,
 * resume, a manual fire and a reload of the files.
 */
@Service
public class Schedules {

    private static final Logger log = LoggerFactory.getLogger(Schedules.class);
    private static final int MOST_SKIPPED = 100_000;

    private final ScheduleSync sync;
    private final QuartzSchedules quartz;
    private final FireRecords records;
    private final ScheduleFirer firer;
    private final Clock clock;
    private final JobRunner runner;

    Schedules(ScheduleSync sync, QuartzSchedules quartz, FireRecords records, ScheduleFirer firer, JobRunner runner,
              Clock clock) {
        this.runner = runner;
        this.sync = sync;
        this.quartz = quartz;
        this.records = records;
        this.firer = firer;
        this.clock = clock;
    }

    /** Every schedule of the files, enabled or not, in file order, with its next {@code nextCount} fires. */
    public List<ScheduleStatus> statuses(int nextCount) {
        Instant now = clock.instant();
        return sync.current().stream().map(definition -> status(definition, now, nextCount)).toList();
    }

    /** @throws UnknownScheduleException when no file has the schedule */
    public ScheduleDefinition definition(String name) {
        return sync.current().stream().filter(definition -> definition.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownScheduleException(name,
                        sync.current().stream().map(ScheduleDefinition::name).toList()));
    }

    /** The schedule's next {@code count} fires from now, whether it is enabled or not. */
    public List<Instant> preview(String name, int count) {
        return definition(name).fireTimes().next(clock.instant(), count);
    }

    /** The parameters a run of the schedule fired at {@code fire} gets: its expressions read on that day. */
    public static Map<String, String> parametersAt(ScheduleDefinition definition, Instant fire) {
        return CatchUpPlan.resolved(definition, fire);
    }

    /** @throws ScheduleStateException when it is paused already, or disabled */
    public void pause(String name) {
        ScheduleDefinition definition = enabled(name);
        quartz(() -> {
            if (quartz.paused(name)) {
                throw new ScheduleStateException("schedule '" + name + "' is paused already");
            }
            quartz.pause(name);
            return null;
        });
        log.info("Schedule {} paused", definition.name());
    }

    /**
     * Resumes a paused schedule from its next fire after now: the fires it missed while paused are recorded as
     * skipped (one row, the baseline of any later catch-up), not run.
     *
     * @throws ScheduleStateException when it is not paused, or disabled
     */
    public void resume(String name) {
        ScheduleDefinition definition = enabled(name);
        quartz(() -> {
            if (!quartz.paused(name)) {
                throw new ScheduleStateException("schedule '" + name + "' is not paused");
            }
            Instant now = clock.instant();
            FireTimes times = definition.fireTimes();
            Optional<Instant> pending = quartz.pendingFire(name);
            if (pending.isPresent() && !pending.get().isAfter(now)) {
                firer.skip(definition, times.between(pending.get().minusMillis(1), now, MOST_SKIPPED),
                        "missed while the schedule was paused");
            }
            Optional<Instant> next = times.nextAfter(now);
            if (next.isPresent()) {
                quartz.replaceFire(name, next.get());
            }
            quartz.resume(name);
            return null;
        });
        log.info("Schedule {} resumed", name);
    }

    /**
     * Runs the schedule now, with its parameters resolved now (kind MANUAL), in the background as the jobs API
     * starts runs, and answers once the run is recorded: its fire, pointing at its execution. The run's end is
     * written on the fire by {@link FireRunListener}.
     *
     * @throws FireRefusedException when the job is already running with the same parameters (the fire is recorded
     *                              REFUSED)
     * @throws TooManyRunsException when this instance is shutting down or runs as many jobs as it may (the fire is
     *                              recorded REFUSED, saying so)
     */
    public FireRecord fire(String name) throws Exception {
        ScheduleDefinition definition = definition(name);
        ScheduleFirer.ManualFire claimed = quartz(() -> firer.claimManual(definition));
        try {
            JobExecution execution = runner.start(definition.job(), claimed.parameters(), claimed.notes());
            records.running(claimed.id(), execution.getId());
        } catch (JobAlreadyRunningException e) {
            records.ended(claimed.id(), FireOutcome.REFUSED, null, e.getMessage());
            throw new FireRefusedException(e.getMessage());
        } catch (TooManyRunsException e) {
            // the run never began: not a failure but this instance saying no, as its message says
            records.ended(claimed.id(), FireOutcome.REFUSED, null, e.getMessage());
            throw e;
        } catch (Exception | Error e) {
            records.ended(claimed.id(), FireOutcome.FAILED, null, e.getClass().getSimpleName() + ": "
                    + e.getMessage());
            throw e;
        }
        return records.byId(claimed.id()).orElseThrow();
    }

    /** @throws ScheduleFileException with every problem of the folder; the schedules stay as they were */
    public SyncSummary reload() {
        SyncSummary summary = sync.reload();
        log.info("Schedules reloaded from {}: {}", sync.location(), summary.line());
        return summary;
    }

    public String location() {
        return sync.location();
    }

    private ScheduleStatus status(ScheduleDefinition definition, Instant now, int nextCount) {
        ScheduleState state = !definition.enabled() ? ScheduleState.DISABLED
                : quartz(() -> quartz.paused(definition.name())) ? ScheduleState.PAUSED : ScheduleState.NORMAL;
        List<Instant> next = state == ScheduleState.DISABLED ? List.of()
                : definition.fireTimes().next(now, nextCount);
        return new ScheduleStatus(definition, state, records.latest(definition.name()), next);
    }

    private ScheduleDefinition enabled(String name) {
        ScheduleDefinition definition = definition(name);
        if (!definition.enabled()) {
            throw new ScheduleStateException("schedule '" + name + "' is disabled in " + definition.file()
                    + "; enable it there and reload");
        }
        return definition;
    }

    private interface QuartzCall<T> {
        T call() throws SchedulerException;
    }

    private static <T> T quartz(QuartzCall<T> call) {
        try {
            return call.call();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz's job store did not answer: " + e.getMessage(), e);
        }
    }
}
