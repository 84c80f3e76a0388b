package com.nightshift.schedules;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes on a fire's {@code schedule_fire} row the execution its run creates, as soon as it exists, and how the
 * run ended, wherever it runs: the firing thread would only learn either when the run returns, which a process
 * killed mid-run never does, and a manual fire runs in the background. The fire is found by the run's notes
 * ({@link FireNotes}); a run started otherwise has none and is left alone. Attached to every job.
 */
final class FireRunListener implements JobExecutionListener {

    private final ObjectProvider<FireRecords> records;

    private FireRunListener(ObjectProvider<FireRecords> records) {
        this.records = records;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        fireOf(execution).ifPresent(fire -> records.getObject().runStarted(fire.schedule(), fire.time(),
                execution.getId()));
    }

    @Override
    public void afterJob(JobExecution execution) {
        fireOf(execution).ifPresent(fire -> {
            FireOutcome outcome = FireOutcome.of(execution.getStatus());
            String description = execution.getExitStatus().getExitDescription();
            String message = outcome == FireOutcome.COMPLETED ? null : ScheduleFirer.brief(description);
            records.getObject().runEnded(fire.schedule(), fire.time(), execution.getId(), outcome, message);
        });
    }

    private static Optional<Fire> fireOf(JobExecution execution) {
        String schedule = execution.getJobParameters().getString(FireNotes.SCHEDULE);
        String fire = execution.getJobParameters().getString(FireNotes.FIRE);
        if (schedule == null || fire == null) {
            return Optional.empty();
        }
        return Optional.of(new Fire(schedule, OffsetDateTime.parse(fire).toInstant()));
    }

    private record Fire(String schedule, Instant time) {
    }

    @Configuration(proxyBeanMethods = false)
    static class OnEveryJob {

        @Bean
        static BeanPostProcessor fireRunListeners(ObjectProvider<FireRecords> records) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof AbstractJob job) {
                        job.registerJobExecutionListener(new FireRunListener(records));
                    }
                    return bean;
                }
            };
        }
    }
}
