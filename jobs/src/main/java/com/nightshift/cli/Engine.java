package com.nightshift.cli;

import java.util.HashMap;
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
    private final Thread shutdownHook = new Thread(this::close, "nightshift-shutdown");
    private volatile ConfigurableApplicationContext context;

    private Engine(EmbeddedInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    /**
     * Starts the engine; before this returns, the schema has been checked (or brought up to date, where
     * {@code nightshift.schema.migrate-on-start} says so).
     *
     * @param embedded        start embedded servers for the services that are not configured
     * @param springArguments {@code --name=value} settings given on the command line
     */
    static Engine start(EngineMode mode, boolean embedded, List<String> springArguments) {
        return start(mode, embedded, springArguments, Map.of());
    }

    /** @param defaults settings of this start that the operator's own (arguments, environment) override */
    static Engine start(EngineMode mode, boolean embedded, List<String> springArguments,
                        Map<String, Object> defaults) {
        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(mode.services(), embedded);
        Engine engine = new Engine(infrastructure);
        // SIGTERM or Ctrl-C, in any command: the context closes first (its running jobs stop at a chunk
        // boundary), then the embedded servers, in this one hook; hooks of their own would run all at once
        Runtime.getRuntime().addShutdownHook(engine.shutdownHook);
        try {
            SpringApplication application = new SpringApplication(mode.application());
            Map<String, Object> allDefaults = new HashMap<>(mode.defaultProperties());
            allDefaults.putAll(defaults);
            application.setDefaultProperties(allDefaults);
            application.setRegisterShutdownHook(false);
            application.addListeners(infrastructure, new DatabasePreflight());
            engine.context = application.run(springArguments.toArray(String[]::new));
            return engine;
        } catch (RuntimeException e) {
            engine.close();
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

    /**
     * Blocks until the process is asked to stop (SIGTERM, Ctrl-C), then shuts the engine down (no more fires or
     * runs; its runs stopped at a chunk boundary, STOPPED and resumable) and returns, so that the command ends
     * normally: for a server, being stopped is how it ends (exit 0). The signals are taken from the JVM for that
     * while it serves ({@link StopSignals}); the JVM's own handling of them would end the process with 128 + the
     * signal's number once the engine had closed.
     */
    void serveUntilStopped() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        context.addApplicationListener((ContextClosedEvent event) -> stop.countDown());
        try (StopSignals signals = StopSignals.handle(stop::countDown)) {
            stop.await();
        }
        close();
    }

    /** Closes the engine once; a second caller (the command and the shutdown hook) waits for the first. */
    @Override
    public synchronized void close() {
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            infrastructure.close();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // this is the hook, or it is about to find the engine closed
            }
        }
    }
}
