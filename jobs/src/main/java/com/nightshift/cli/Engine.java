package com.nightshift.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import com.nightshift.config.DatabasePreflight;
import com.nightshift.embedded.EmbeddedInfrastructure;

/**
 * A running engine: the embedded servers it needed and the application context on top of them.
 * Closing it closes the context first, so that pools and the scheduler stop while their servers are up.
 */
final class Engine implements AutoCloseable {

    private final EmbeddedInfrastructure infrastructure;
    private final ConfigurableApplicationContext context;

    private Engine(EmbeddedInfrastructure infrastructure, ConfigurableApplicationContext context) {
        this.infrastructure = infrastructure;
        this.context = context;
    }

    /**
     * Starts the engine; before this returns, the schema has been checked (or brought up to date, where
     * {@code nightshift.schema.migrate-on-start} says so).
     *
     * @param embedded        start embedded servers for the services that are not configured
     * @param springArguments {@code --name=value} settings given on the command line
     */
    static Engine start(EngineMode mode, boolean embedded, List<String> springArguments) {
        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(mode.services(), embedded);
        try {
            SpringApplication application = new SpringApplication(mode.application());
            application.setDefaultProperties(mode.defaultProperties());
            application.setRegisterShutdownHook(false);
            application.addListeners(infrastructure, new DatabasePreflight());
            ConfigurableApplicationContext context = application.run(springArguments.toArray(String[]::new));
            return new Engine(infrastructure, context);
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Embedded servers started for this engine, by service; empty when every server is external. */
    Map<String, String> embeddedServers() {
        return infrastructure.started();
    }

    String property(String name, String fallback) {
        return context.getEnvironment().getProperty(name, fallback);
    }

    /** Blocks until the process is asked to stop (Ctrl-C, SIGTERM), then shuts the engine down. */
    void serveUntilStopped() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener((ContextClosedEvent event) -> closed.countDown());
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "nightshift-shutdown"));
        closed.await();
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            infrastructure.close();
        }
    }
}
