package com.nightshift.ops;

import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A second job operator, for runs an operator starts through the API: it records the run and hands it to a pool
 * of its own, so the request returns at once. The command line keeps Spring Batch's default operator, which runs
 * the job in the calling thread. A run beyond the pool's size is refused ({@link JobRunner#start}) rather than
 * queued: a queued run would hold its run's lock, refusing everyone else, without doing anything.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundJobs {

    static final String OPERATOR = "backgroundJobOperator";
    static final String EXECUTOR = "backgroundJobExecutor";

    @Bean(name = EXECUTOR, defaultCandidate = false)
    ThreadPoolTaskExecutor backgroundJobExecutor(OpsProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.backgroundJobs());
        executor.setMaxPoolSize(properties.backgroundJobs());
        executor.setQueueCapacity(0);
        executor.setThreadNamePrefix("job-");
        return executor;
    }

    @Bean(name = OPERATOR, defaultCandidate = false)
    JobOperatorFactoryBean backgroundJobOperator(JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            @Qualifier(EXECUTOR) ThreadPoolTaskExecutor backgroundJobExecutor) {
        JobOperatorFactoryBean factory = new JobOperatorFactoryBean();
        factory.setJobRepository(jobRepository);
        factory.setTransactionManager(transactionManager);
        factory.setTaskExecutor(backgroundJobExecutor);
        return factory;
    }
}
