package com.nightshift.ops;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import io.micrometer.observation.ObservationRegistry;

/**
 * Gives every step of every job the observation registry, so that each step's duration is published
 * ({@code spring_batch_step_seconds}) beside its job's ({@code spring_batch_job_seconds}). Spring Batch's own
 * post-processor, which Boot registers, reaches only steps that are beans: a job that builds its steps inline
 * (the health job, one step per group of checks) published its job timer and none of its steps'. Attached to
 * every job here, so that a new job cannot forget it.
 */
@Component
class StepObservations implements BeanPostProcessor {

    private final ObjectProvider<ObservationRegistry> registry;

    StepObservations(ObjectProvider<ObservationRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            registry.ifAvailable(observations -> job.getStepNames().stream().map(job::getStep)
                    .forEach(step -> observe(step, observations)));
        }
        return bean;
    }

    private static void observe(Step step, ObservationRegistry observations) {
        if (step instanceof AbstractStep observable) {
            observable.setObservationRegistry(observations);
        }
    }
}
