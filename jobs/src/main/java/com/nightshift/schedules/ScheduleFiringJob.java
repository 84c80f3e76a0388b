package com.nightshift.schedules;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job behind every schedule: reads the schedule's definition from its job data (as the database holds
 * it) and the fire from its trigger, and hands them to {@link ScheduleFirer}. Built by Spring's job factory, which
 * injects the firer. Not {@code @DisallowConcurrentExecution}: Quartz would hold a fire back until the one before
 * it ended, and then run it late. A fire that finds its run still under way (the same job and parameters, from
 * this schedule or anywhere else) is refused by the run's lock and recorded so, at its own time.
 */
class ScheduleFiringJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(ScheduleFiringJob.class);

    private final ScheduleFirer firer;

    ScheduleFiringJob(ScheduleFirer firer) {
        this.firer = firer;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        ScheduleDefinition definition = ScheduleJobData.definition(context.getJobDetail().getKey().getName(),
                context.getJobDetail().getJobDataMap());
        try {
            firer.fire(definition, QuartzSchedules.fireOf(context.getTrigger()),
                    QuartzSchedules.skippedBefore(context.getTrigger()));
        } catch (Exception e) {
            // Quartz logs a job's failure at INFO only: this one needs an operator (the database, most likely)
            log.error("Schedule {} could not fire: {}", definition.name(), e.getMessage(), e);
            throw new JobExecutionException("schedule " + definition.name() + " could not fire", e, false);
        }
    }
}
