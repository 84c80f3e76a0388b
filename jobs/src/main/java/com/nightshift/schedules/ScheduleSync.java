package com.nightshift.schedules;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.nightshift.config.NightshiftProperties;
import com.nightshift.job.JobDescription;

/**
 * Makes Quartz hold what the schedule folder says, at start (before Quartz starts firing, and only where it
 * fires: {@code spring.quartz.auto-startup}, i.e. {@code serve} and {@code demo}) and on reload. Only what
 * differs is touched: an added or changed schedule gets its definition and next fire, a removed or disabled one
 * leaves Quartz, an unchanged one is left alone (its pending fire, even one missed while every instance was
 * down, stays). A pause is Quartz's, by trigger group, so it is kept through all of this.
 *
 * <p>A folder with a problem is refused whole: at start the start fails with every problem; on reload the
 * schedules in Quartz stay as they were.
 */
@Component
public class ScheduleSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduleSync.class);

    private final ScheduleFolder folder;
    private final List<JobDescription> jobs;
    private final QuartzSchedules quartz;
    private final FireRecords records;
    private final Clock clock;
    private final boolean autoStartup;
    private final AtomicReference<List<ScheduleDefinition>> current = new AtomicReference<>();
    private volatile boolean running;

    ScheduleSync(SchedulesProperties properties, NightshiftProperties nightshift, List<JobDescription> jobs,
                 QuartzSchedules quartz, FireRecords records, Clock clock, QuartzProperties quartzProperties) {
        this.folder = new ScheduleFolder(properties.dir(), nightshift.zone(), properties.defaultCatchUpLimit());
        this.jobs = List.copyOf(jobs);
        this.quartz = quartz;
        this.records = records;
        this.clock = clock;
        this.autoStartup = quartzProperties.isAutoStartup();
    }

    /** @throws ScheduleFileException with every problem of the folder; nothing is synced then */
    @Override
    public void start() {
        SyncSummary summary = reload();
        log.info("Schedules from {}: {}", folder.location(), summary.line());
        running = true;
    }

    /**
     * Reads the folder again and makes Quartz match it.
     *
     * @throws ScheduleFileException with every problem found; then Quartz keeps the schedules it had
     */
    public synchronized SyncSummary reload() {
        List<ScheduleDefinition> definitions = folder.load(jobs);
        try {
            SyncSummary summary = apply(definitions);
            current.set(List.copyOf(definitions));
            return summary;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot update the schedules in Quartz: " + e.getMessage(), e);
        }
    }

    /**
     * The schedules as last synced, or as the folder has them where nothing was synced (the command line's
     * one-shot engine, which does not fire).
     */
    public List<ScheduleDefinition> current() {
        return current.updateAndGet(known -> known != null ? known : List.copyOf(folder.load(jobs)));
    }

    /** Where the schedules are read from, as messages name it. */
    public String location() {
        return folder.location();
    }

    private SyncSummary apply(List<ScheduleDefinition> definitions) throws SchedulerException {
        Map<String, String> installed = quartz.installed();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> enabled = new ArrayList<>();
        for (ScheduleDefinition definition : definitions) {
            if (!definition.enabled()) {
                continue;
            }
            enabled.add(definition.name());
            String hash = installed.get(definition.name());
            if (hash == null || !hash.equals(ScheduleJobData.hash(definition))) {
                (hash == null ? added : changed).add(definition.name());
                install(definition, firstFire(definition));
            } else {
                unchanged.add(definition.name());
                if (!quartz.hasTrigger(definition.name())) {
                    // its last fire could not add the next one (the database was away): the schedule goes on
                    firstFire(definition).ifPresent(fire -> addFire(definition, fire));
                }
            }
        }
        List<String> removed = installed.keySet().stream().filter(name -> !enabled.contains(name)).sorted().toList();
        for (String name : removed) {
            quartz.remove(name);
        }
        SyncSummary summary = new SyncSummary(added, changed, removed, unchanged);
        if (!added.isEmpty() || !changed.isEmpty() || !removed.isEmpty()) {
            log.info("Schedules synced into Quartz: {}", summary.line());
        }
        return summary;
    }

    /**
     * The first fire of a schedule (re)installed: the first after its last recorded fire, so that fires missed
     * before it (while it was changed or every instance was down) are caught up or skipped as it says; the first
     * after now for a schedule that never fired.
     */
    private Optional<Instant> firstFire(ScheduleDefinition definition) {
        Instant from = records.baseline(definition.name()).orElseGet(clock::instant);
        return definition.fireTimes().nextAfter(from);
    }

    private void install(ScheduleDefinition definition, Optional<Instant> fire) {
        try {
            quartz.install(definition, fire);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot install schedule " + definition.name() + ": " + e.getMessage(), e);
        }
    }

    private void addFire(ScheduleDefinition definition, Instant fire) {
        try {
            quartz.addFire(definition.name(), fire, 0);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot add the next fire of " + definition.name() + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    /** Just before Quartz's scheduler starts firing (its phase is {@code Integer.MAX_VALUE}). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}
