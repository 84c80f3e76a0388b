package com.nightshift.health.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckRunner;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthHistory;
import com.nightshift.health.alerts.HealthAlertsTasklet;
import com.nightshift.job.JobDescription;

/**
 * The {@code health} job: one step per group that has checks, in {@link CheckGroup}'s order, each running every
 * {@link HealthCheck} bean of its group, then {@value #ALERTS_STEP}, which emails the people on call about checks
 * that changed state. A check that fails or hangs is a result, never a failed step.
 */
@Configuration(proxyBeanMethods = false)
class HealthJobConfiguration {

    static final String JOB = "health";
    static final String ALERTS_STEP = "healthAlertsStep";

    @Bean
    Job healthJob(JobRepository jobRepository, List<HealthCheck> checks, CheckRunner runner, HealthHistory history,
                  HealthParametersValidator validator, HealthJobSummary summary, HealthAlertsTasklet alerts) {
        List<Step> steps = new ArrayList<>();
        groups(checks).forEach((group, ofGroup) -> steps.add(new StepBuilder(stepName(group), jobRepository)
                // no transaction around the step: each result is kept as soon as found, and a pool exhausted by
                // what is being checked must not stop the step from starting
                .tasklet(new CheckGroupTasklet(ofGroup, runner, history), new ResourcelessTransactionManager())
                .build()));
        if (steps.isEmpty()) {
            throw new IllegalStateException("the health job has no checks to run");
        }
        SimpleJobBuilder job = new JobBuilder(JOB, jobRepository).validator(validator).listener(summary)
                .start(steps.get(0));
        steps.subList(1, steps.size()).forEach(job::next);
        // no transaction around it either: the alerts' decision commits on its own before any letter is sent
        return job.next(new StepBuilder(ALERTS_STEP, jobRepository)
                .tasklet(alerts, new ResourcelessTransactionManager()).listener(alerts).build()).build();
    }

    /** What the health job takes, for help and the API; the command line lists it too (see {@code cli.KnownJobs}). */
    @Bean
    JobDescription healthJobDescription() {
        return HealthRequest.DESCRIPTION;
    }

    /** The checks by group, groups in their declared order, checks by name within a group. */
    static Map<CheckGroup, List<HealthCheck>> groups(List<HealthCheck> checks) {
        return checks.stream().sorted(Comparator.comparing(HealthCheck::name)).collect(Collectors.groupingBy(
                HealthCheck::group, TreeMap::new, Collectors.toList()));
    }

    static String stepName(CheckGroup group) {
        String name = group.name().toLowerCase(Locale.ROOT);
        return "health" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Step";
    }
}
