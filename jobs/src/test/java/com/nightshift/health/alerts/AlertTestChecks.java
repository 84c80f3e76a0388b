package com.nightshift.health.alerts;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.HealthCheck;

/**
 * The engine with two checks whose states the tests set, and none of its own: a real check may change state
 * between two runs on a busy machine (latency, sessions of other tests), which would add letters no test expects.
 */
@TestConfiguration(proxyBeanMethods = false)
class AlertTestChecks {

    static final String QUEUE = "jobs.test-queue";
    static final String SPOOL = "mail.test-spool";

    @Bean
    FlippableCheck queueCheck() {
        return new FlippableCheck(QUEUE, CheckGroup.JOBS);
    }

    @Bean
    FlippableCheck spoolCheck() {
        return new FlippableCheck(SPOOL, CheckGroup.MAIL);
    }

    @Bean
    static BeanFactoryPostProcessor onlyTheTestsChecks() {
        return factory -> {
            for (String name : factory.getBeanNamesForType(HealthCheck.class, true, false)) {
                if (!FlippableCheck.class.isAssignableFrom(factory.getType(name, false))) {
                    ((BeanDefinitionRegistry) factory).removeBeanDefinition(name);
                }
            }
        };
    }
}
