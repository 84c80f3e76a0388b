package com.nightshift.schedules;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The schedules as Quartz holds them: one durable job per enabled schedule (group {@value #JOB_GROUP}), and in
 * the trigger group {@code schedule:<name>} a one-shot trigger for its next fire, keyed by the fire's instant. The
 * fire times are ours ({@link FireTimes}), not Quartz's cron. A pause is Quartz's pause of the trigger group,
 * which Quartz records by group: a trigger added to a paused group is paused, so a pause outlives reloads and
 * restarts.
 */
@Component
class QuartzSchedules {

    static final String JOB_GROUP = "nightshift-schedules";
    private static final String FIRE = "fire";
    private static final String SKIPPED = "skipped";
    private static final int REMOVE_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(QuartzSchedules.class);

    private final Scheduler scheduler;

    QuartzSchedules(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The hash of each schedule's definition in Quartz, by name. */
    Map<String, String> installed() throws SchedulerException {
        Map<String, String> hashes = new HashMap<>();
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(JOB_GROUP))) {
            JobDetail detail = scheduler.getJobDetail(key);
            if (detail != null) {
                hashes.put(key.getName(), ScheduleJobData.hashOf(detail.getJobDataMap()));
            }
        }
        return hashes;
    }

    /**
     * Adds the schedule, or replaces its definition and trigger, with its next fire at {@code firstFire} (none
     * for a cron that never fires again).
     */
    void install(ScheduleDefinition definition, Optional<Instant> firstFire) throws SchedulerException {
        JobDetail detail = JobBuilder.newJob(ScheduleFiringJob.class)
                .withIdentity(jobKey(definition.name()))
                .withDescription(definition.job() + " at '" + definition.cron() + "' in " + definition.zone())
                .usingJobData(ScheduleJobData.of(definition))
                .storeDurably()
                .build();
        scheduler.addJob(detail, true);
        clearTriggers(definition.name());
        if (firstFire.isPresent()) {
            addFire(definition.name(), firstFire.get(), 0);
        }
    }

    void remove(String name) throws SchedulerException {
        // Quartz deletes a job trigger by trigger, from a list read first: a one-shot trigger that fires and is
        // completed meanwhile is gone by its turn, and the delete fails; once more, with the triggers as they are
        for (int attempt = 1; ; attempt++) {
            try {
                scheduler.deleteJob(jobKey(name));
                return;
            } catch (SchedulerException e) {
                if (!scheduler.checkExists(jobKey(name))) {
                    return;
                }
                if (attempt == REMOVE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    boolean hasTrigger(String name) throws SchedulerException {
        return !scheduler.getTriggersOfJob(jobKey(name)).isEmpty();
    }

    /**
     * Adds the trigger of a fire. Its key is the fire's instant, so a second add of the same fire (another
     * instance's sync meanwhile) collides and is dropped.
     *
     * @param skippedBefore how many fires were skipped just before it, noted on its run
     */
    void addFire(String name, Instant fire, int skippedBefore) throws SchedulerException {
        if (!scheduler.checkExists(jobKey(name))) {
            log.info("Schedule {} was removed while it fired: its fire at {} is not added", name, fire);
            return;
        }
        // a fire already due goes now: Quartz leaves a trigger past its misfire threshold to its misfire handler,
        // which may look only a minute later; the fire's lateness is ours to judge
        Instant now = Instant.now();
        schedule(name, fire.toString(), fire.isAfter(now) ? fire : now, fire, skippedBefore);
    }

    /**
     * Adds a trigger, due now, for a fire that the instance that took it could not run: keyed apart from the
     * fire's own trigger, which Quartz is still completing.
     */
    void handBack(String name, Instant fire) throws SchedulerException {
        schedule(name, fire + "/handed-back", Instant.now(), fire, 0);
    }

    /**
     * Adds a one-shot trigger for the fire, starting at {@code startAt}; one whose key exists already (the same
     * fire added twice, e.g. by another instance's sync meanwhile) is dropped.
     */
    private void schedule(String name, String key, Instant startAt, Instant fire, int skippedBefore)
            throws SchedulerException {
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(new TriggerKey(key, triggerGroup(name)))
                .forJob(jobKey(name))
                .startAt(Date.from(startAt))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .usingJobData(FIRE, fire.toString())
                .usingJobData(SKIPPED, skippedBefore)
                .build();
        try {
            scheduler.scheduleJob(trigger);
        } catch (ObjectAlreadyExistsException e) {
            log.debug("Trigger {} of schedule {} was already in Quartz", key, name);
        }
    }

    /** Replaces whatever triggers the schedule has with one for {@code fire}. */
    void replaceFire(String name, Instant fire) throws SchedulerException {
        clearTriggers(name);
        addFire(name, fire, 0);
    }

    /** The earliest fire the schedule has a trigger for. */
    Optional<Instant> pendingFire(String name) throws SchedulerException {
        return scheduler.getTriggersOfJob(jobKey(name)).stream().map(Trigger::getNextFireTime)
                .filter(time -> time != null).map(Date::toInstant).min(Instant::compareTo);
    }

    boolean paused(String name) throws SchedulerException {
        return scheduler.getPausedTriggerGroups().contains(triggerGroup(name));
    }

    void pause(String name) throws SchedulerException {
        scheduler.pauseTriggers(GroupMatcher.triggerGroupEquals(triggerGroup(name)));
    }

    void resume(String name) throws SchedulerException {
        scheduler.resumeTriggers(GroupMatcher.triggerGroupEquals(triggerGroup(name)));
    }

    /** The cluster's name: the instances sharing a database share it. */
    String schedulerName() throws SchedulerException {
        return scheduler.getSchedulerName();
    }

    String instanceId() throws SchedulerException {
        return scheduler.getSchedulerInstanceId();
    }

    static Instant fireOf(Trigger trigger) {
        return Instant.parse(trigger.getJobDataMap().getString(FIRE));
    }

    static int skippedBefore(Trigger trigger) {
        return trigger.getJobDataMap().containsKey(SKIPPED) ? trigger.getJobDataMap().getInt(SKIPPED) : 0;
    }

    private void clearTriggers(String name) throws SchedulerException {
        List<TriggerKey> keys = scheduler.getTriggersOfJob(jobKey(name)).stream().map(Trigger::getKey).toList();
        if (!keys.isEmpty()) {
            scheduler.unscheduleJobs(keys);
        }
    }

    static JobKey jobKey(String name) {
        return new JobKey(name, JOB_GROUP);
    }

    static String triggerGroup(String name) {
        return "schedule:" + name;
    }
}
