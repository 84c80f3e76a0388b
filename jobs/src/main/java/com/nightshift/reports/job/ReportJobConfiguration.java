package com.nightshift.reports.job;

import java.time.Clock;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import com.nightshift.job.JobDescription;
import com.nightshift.reports.ReportProperties;
import com.nightshift.reports.archive.ReportArchive;
import com.nightshift.reports.render.ReportRenderer;

/**
 * The {@code report} job: check that the run's store-days are completely rolled up (having the rollup catch
 * up if need be), render the reports into the archive, then burst them into one letter per recipient and
 * period and deliver them through the ledger.
 */
@Configuration(proxyBeanMethods = false)
class ReportJobConfiguration {

    static final String JOB = "report";
    static final String COMPLETENESS_STEP = "reportCompletenessStep";
    static final String RENDER_STEP = "reportRenderStep";
    static final String DELIVER_STEP = "reportDeliverStep";

    @Bean
    Job reportJob(JobRepository jobRepository, Step reportCompletenessStep, Step reportRenderStep,
                  Step reportDeliverStep, ReportParametersValidator validator, ReportJobSummary summary) {
        return new JobBuilder(JOB, jobRepository)
                .validator(validator)
                .listener(summary)
                .start(reportCompletenessStep)
                .next(reportRenderStep)
                .next(reportDeliverStep)
                .build();
    }

    /** What the report job takes, for help and the API; the command line lists it too ({@code cli.KnownJobs}). */
    @Bean
    JobDescription reportJobDescription() {
        return ReportRequest.DESCRIPTION;
    }

    @Bean
    Step reportCompletenessStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                CompletenessTasklet tasklet) {
        return taskletStep(COMPLETENESS_STEP, tasklet, jobRepository, transactionManager);
    }

    @Bean
    Step reportRenderStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          RenderReportsTasklet reportRenderTasklet) {
        return taskletStep(RENDER_STEP, reportRenderTasklet, jobRepository, transactionManager);
    }

    @Bean
    @StepScope
    RenderReportsTasklet reportRenderTasklet(ReportRun run, ReportRenderer renderer, ReportArchive archive,
                                             StaleStoreDays storeDays, Clock clock,
                                             ThreadPoolTaskExecutor reportRenderExecutor) {
        return new RenderReportsTasklet(run, renderer, archive, storeDays, clock, reportRenderExecutor);
    }

    @Bean
    ThreadPoolTaskExecutor reportRenderExecutor(ReportProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.threads());
        executor.setMaxPoolSize(properties.threads());
        executor.setThreadNamePrefix("report-render-");
        return executor;
    }

    @Bean
    Step reportDeliverStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           DeliverReportsTasklet tasklet) {
        return taskletStep(DELIVER_STEP, tasklet, jobRepository, transactionManager);
    }

    private static Step taskletStep(String name, Tasklet tasklet, JobRepository jobRepository,
                                    PlatformTransactionManager transactionManager) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
    }
}
