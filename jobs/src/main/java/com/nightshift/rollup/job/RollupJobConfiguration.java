package com.nightshift.rollup.job;

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
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;

import com.nightshift.job.JobDescription;
import com.nightshift.rollup.RollupPartition;
import com.nightshift.rollup.RollupProperties;
import com.nightshift.rollup.cache.RollupCache;
import com.nightshift.rollup.sql.PartitionRollup;

/**
 * The {@code rollup} job: plan what the run covers, quarantine lines that belong to no store-day, roll up the
 * partitions on {@code nightshift.rollup.threads} worker threads (refreshing their Redis keys once they commit),
 * move the incremental watermark, and warm the cache for the next morning.
 */
@Configuration(proxyBeanMethods = false)
class RollupJobConfiguration {

    static final String JOB = "rollup";
    private static final String PLAN_STEP = "rollupPlanStep";
    static final String QUARANTINE_STEP = "rollupQuarantineStep";
    private static final String PARTITIONS_STEP = "rollupPartitionsStep";
    static final String PARTITION_STEP = "rollupPartitionStep";
    private static final String WATERMARK_STEP = "rollupWatermarkStep";
    private static final String WARM_UP_STEP = "rollupCacheWarmUpStep";

    @Bean
    Job rollupJob(JobRepository jobRepository, Step rollupPlanStep, Step rollupQuarantineStep,
                  Step rollupPartitionsStep, Step rollupWatermarkStep, Step rollupCacheWarmUpStep,
                  RollupParametersValidator validator, RollupJobSummary summary, FailedCommitRecovery recovery) {
        return new JobBuilder(JOB, jobRepository)
                .validator(validator)
                .listener(recovery)
                .listener(summary)
                .start(rollupPlanStep)
                .next(rollupQuarantineStep)
                .next(rollupPartitionsStep)
                .next(rollupWatermarkStep)
                .next(rollupCacheWarmUpStep)
                .build();
    }

    /** What the rollup takes, for help and the API; the command line lists it too (see {@code cli.KnownJobs}). */
    @Bean
    JobDescription rollupJobDescription() {
        return RollupRequest.DESCRIPTION;
    }

    @Bean
    Step rollupPlanStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            PlanRollupTasklet tasklet) {
        return taskletStep(PLAN_STEP, tasklet, jobRepository, transactionManager);
    }

    @Bean
    Step rollupQuarantineStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            QuarantineUnroutableTasklet tasklet) {
        return taskletStep(QUARANTINE_STEP, tasklet, jobRepository, transactionManager);
    }

    @Bean
    Step rollupPartitionsStep(JobRepository jobRepository, Step rollupPartitionStep,
                              RollupPartitioner rollupPartitioner, ThreadPoolTaskExecutor rollupTaskExecutor,
                              RollupProperties properties) {
        return new StepBuilder(PARTITIONS_STEP, jobRepository)
                .partitioner(PARTITION_STEP, rollupPartitioner)
                .step(rollupPartitionStep)
                .aggregator(new LinesAndRowsAggregator())
                .taskExecutor(rollupTaskExecutor)
                .gridSize(properties.threads())
                .build();
    }

    /**
     * A worker: its partitions a few per transaction, each transaction also recording how far it has got. The
     * transaction is repeatable-read so that a partition's pages of lines all come from one snapshot.
     */
    @Bean
    Step rollupPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             PartitionListReader rollupPartitionReader, RollupPartitionWriter rollupPartitionWriter,
                             RollupProperties properties) {
        return new StepBuilder(PARTITION_STEP, jobRepository)
                .<RollupPartition, RollupPartition>chunk(properties.partitionsPerTransaction())
                .transactionManager(transactionManager)
                .transactionAttribute(repeatableRead())
                .reader(rollupPartitionReader)
                .writer(rollupPartitionWriter)
                .build();
    }

    @Bean
    @StepScope
    PartitionListReader rollupPartitionReader() {
        return new PartitionListReader();
    }

    @Bean
    @StepScope
    RollupPartitionWriter rollupPartitionWriter(PartitionRollup rollup, RollupCache cache, RolledUpLines rolledUp) {
        return new RollupPartitionWriter(rollup, cache, rolledUp);
    }

    @Bean
    Step rollupWatermarkStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            AdvanceWatermarkTasklet tasklet) {
        return taskletStep(WATERMARK_STEP, tasklet, jobRepository, transactionManager);
    }

    @Bean
    Step rollupCacheWarmUpStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WarmUpCacheTasklet tasklet) {
        return taskletStep(WARM_UP_STEP, tasklet, jobRepository, transactionManager);
    }

    private static TransactionAttribute repeatableRead() {
        DefaultTransactionAttribute attribute = new DefaultTransactionAttribute();
        attribute.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return attribute;
    }

    private static Step taskletStep(String name, Tasklet tasklet, JobRepository jobRepository,
                                    PlatformTransactionManager transactionManager) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
    }

    @Bean
    ThreadPoolTaskExecutor rollupTaskExecutor(RollupProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.threads());
        executor.setMaxPoolSize(properties.threads());
        executor.setThreadNamePrefix("rollup-");
        return executor;
    }
}
