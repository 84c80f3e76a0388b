package com.nightshift.ops;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every job needs, attached to every {@code Job} bean as it is created, so that a new job cannot forget
 * it: its run lock ({@link RunLockListener}) and its start and summary line in the log ({@link JobRunLog}).
 */
@Configuration(proxyBeanMethods = false)
class EveryJob {

    @Bean
    static BeanPostProcessor everyJobListeners(ObjectProvider<RunLocks> locks) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractJob job) {
                    job.registerJobExecutionListener(new RunLockListener(locks));
                    job.registerJobExecutionListener(new JobRunLog());
                } else if (bean instanceof Job job) {
                    throw new IllegalStateException("job '" + job.getName() + "' (bean " + beanName + ") is not "
                            + "built with JobBuilder: it could run without its run lock");
                }
                return bean;
            }
        };
    }
}
