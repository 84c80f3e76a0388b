package com.nightshift.maintenance;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.nightshift.job.JobDescription;

/**
 * The {@code maintenance} job: purges first (their deletes leave dead rows that the vacuums then reclaim), then
 * invalid indexes rebuilt, then vacuums. No step runs in a transaction: VACUUM and REINDEX CONCURRENTLY cannot,
 * and each purge commits its own.
 */
@Configuration(proxyBeanMethods = false)
class MaintenanceJobConfiguration {

    static final String JOB = "maintenance";

    @Bean
    Job maintenanceJob(JobRepository jobRepository, MaintenanceParametersValidator validator,
                       MaintenanceJobSummary summary, Step maintenancePurgeStep, Step maintenanceReindexStep,
                       Step maintenanceVacuumStep) {
        return new JobBuilder(JOB, jobRepository).validator(validator).listener(summary)
                .start(maintenancePurgeStep).next(maintenanceReindexStep).next(maintenanceVacuumStep).build();
    }

    @Bean
    Step maintenancePurgeStep(JobRepository jobRepository, Purges purges) {
        return step("maintenancePurgeStep", jobRepository, purges::run);
    }

    @Bean
    Step maintenanceReindexStep(JobRepository jobRepository, Reindexes reindexes) {
        return step("maintenanceReindexStep", jobRepository, reindexes::run);
    }

    @Bean
    Step maintenanceVacuumStep(JobRepository jobRepository, Vacuums vacuums) {
        return step("maintenanceVacuumStep", jobRepository, vacuums::run);
    }

    /** What the maintenance job takes, for help and the API; the command line lists it too ({@code cli.KnownJobs}). */
    @Bean
    JobDescription maintenanceJobDescription() {
        return MaintenanceRequest.DESCRIPTION;
    }

    private static Step step(String name, JobRepository jobRepository, MaintenanceTasklet.Actions actions) {
        return new StepBuilder(name, jobRepository)
                .tasklet(new MaintenanceTasklet(actions), new ResourcelessTransactionManager()).build();
    }
}
