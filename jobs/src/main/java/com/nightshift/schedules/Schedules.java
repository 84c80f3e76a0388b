package com.nightshift.schedules;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Operating the schedules, for the API and the command line: their state and next fires, a preview, pause,
 * resume, a manual fire and a reload of the files.
 */
@Service
public class Schedules implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Schedules.class);
    /** How often a manual fire looks whether its run has been recorded yet. */
    private static final long POLL_MILLIS = 50;
    private static final int MOST_SKIPPED = 100_000;

    private final ScheduleSync sync;
    private final QuartzSchedules quartz;
    private final FireRecords records;
    private final ScheduleFirer firer;
    private final Clock clock;
    private final AtomicInteger manualThreads = new AtomicInteger();
    private final ExecutorService manualRuns = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "schedule-manual-" + manualThreads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    Schedules(ScheduleSync sync, QuartzSchedules quartz, FireRecords records, ScheduleFirer firer, Clock clock) {
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
     * Runs the schedule now, with its parameters resolved now (kind MANUAL), on a thread of its own, and answers
     * once the run has started (its execution is set on the fire) or ended: a fire whose run resumes an earlier
     * execution is answered when it ends, since that execution carries its first start's notes.
     *
     * @throws FireRefusedException when the job is already running with the same parameters
     */
    public FireRecord fire(String name) throws InterruptedException {
        ScheduleDefinition definition = definition(name);
        ScheduleFirer.ManualFire claimed = quartz(() -> firer.claimManual(definition));
        Future<?> run = manualRuns.submit(() ->
                firer.run(claimed.id(), definition, claimed.parameters(), claimed.notes()));
        String fireNote = claimed.notes().get(FireNotes.FIRE);
        while (!run.isDone()) {
            Optional<Long> execution = records.executionNoted(name, fireNote);
            if (execution.isPresent()) {
                records.running(claimed.id(), execution.get());
                break;
            }
            Thread.sleep(POLL_MILLIS);
        }
        FireRecord record = records.byId(claimed.id()).orElseThrow();
        if (record.outcome() == FireOutcome.REFUSED) {
            throw new FireRefusedException(record.message());
        }
        return record;
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

    @Override
    public void destroy() {
        manualRuns.shutdown();
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
