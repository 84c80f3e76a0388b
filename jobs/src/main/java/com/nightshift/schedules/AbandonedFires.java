package com.nightshift.schedules;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.nightshift.ops.OpsProperties;

/**
 * Settles the fires a process claimed and died before running: its claim (the {@code schedule_fire} row,
 * STARTED) is committed before the run starts, so a kill in between leaves a row with no execution that nothing
 * else ever ends, shown running for ever. Such a claim is known by its Quartz instance: one no longer checked in
 * to the cluster ({@code qrtz_scheduler_state}, from which Quartz removes a dead instance) is gone. It is recorded
 * REFUSED, which {@code jobs.schedule-fires} reports, and not run: its fire time is long past, and the schedule's
 * next fire (or its catch-up) carries on from it. Every {@code nightshift.ops.recover-every}, on the serving
 * instances only ({@code nightshift.ops.recover-dead-runs}), as dead runs are recovered.
 */
@Component
class AbandonedFires implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AbandonedFires.class);
    static final String MESSAGE = "the instance that claimed it stopped before starting the run";
    /**
     * How old a claim must be to be settled. A claim and the start of its run are milliseconds apart in one
     * thread; Quartz removes a dead instance's check-in about 17.5 s after its last (clusterCheckinInterval 10 s
     * and 7.5 s of margin), and a live one declared dead after missed check-ins is back at its next one. A minute
     * is well past both, so a run just starting is never settled under its feet.
     */
    static final Duration GRACE = Duration.ofMinutes(1);

    private final FireRecords records;
    private final QuartzSchedules quartz;
    private final OpsProperties properties;
    private ScheduledExecutorService checks;

    AbandonedFires(FireRecords records, QuartzSchedules quartz, OpsProperties properties) {
        this.records = records;
        this.quartz = quartz;
        this.properties = properties;
    }

    /** @return the fires settled, each logged at WARN */
    List<FireRecord> settle() throws SchedulerException {
        List<FireRecord> settled = records.settleAbandoned(quartz.schedulerName(), GRACE, MESSAGE);
        for (FireRecord fire : settled) {
            log.warn("Schedule {} fire {} ({}) was claimed by instance {} at {}, which stopped before starting the "
                    + "run: recorded REFUSED, not run", fire.schedule(), fire.fireTime(), fire.kind(),
                    fire.instance(), fire.claimedAt());
        }
        return settled;
    }

    private void settleQuietly() {
        try {
            settle();
        } catch (Exception e) {
            // the database may be away for a moment; the next look tries again
            log.warn("Cannot look for schedule fires left by dead instances: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (properties.recoverDeadRuns() && checks == null) {
            checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "abandoned-fire-check");
                thread.setDaemon(true);
                return thread;
            });
            long every = properties.recoverEvery().toMillis();
            checks.scheduleWithFixedDelay(this::settleQuietly, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (checks != null) {
            // a look under way ends on its own: one statement, which the daemon thread need not be interrupted in
            checks.shutdown();
            checks = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return checks != null;
    }
}
