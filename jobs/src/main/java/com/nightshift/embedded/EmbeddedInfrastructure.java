package com.nightshift.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import com.nightshift.config.NightshiftProperties;

/**
 * The embedded default. Once the environment is known and before any bean exists, starts a server for
 * each service that has no external one configured, and publishes its address through the same standard
 * properties an operator would set. Everything after that point is identical in embedded and external mode.
 *
 * <p>The caller owns the servers and closes them after the application context, so that connection pools
 * and the scheduler shut down while their servers are still up.
 */
public final class EmbeddedInfrastructure implements ApplicationListener<ApplicationEnvironmentPreparedEvent>,
        AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Map<String, String> started = new LinkedHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        Binder binder = Binder.get(environment);
        Path dataDir = binder.bindOrCreate("nightshift", NightshiftProperties.class).dataDir();
        EmbeddedProperties ports = binder.bindOrCreate("nightshift.embedded", EmbeddedProperties.class);
        Map<String, Object> properties = new LinkedHashMap<>();
        try {
            if (!environment.containsProperty("spring.datasource.url")) {
                EmbeddedPostgresServer postgres = remember(
                        EmbeddedPostgresServer.start(dataDir.resolve("postgres"), ports.postgresPort()));
                properties.put("spring.datasource.url", postgres.jdbcUrl());
                properties.put("spring.datasource.username", postgres.username());
                started.put("PostgreSQL", postgres.jdbcUrl());
            }
            if (!environment.containsProperty("spring.data.redis.host")
                    && !environment.containsProperty("spring.data.redis.url")) {
                EmbeddedRedisServer redis = remember(
                        EmbeddedRedisServer.start(dataDir.resolve("redis"), ports.redisPort()));
                properties.put("spring.data.redis.host", "127.0.0.1");
                properties.put("spring.data.redis.port", redis.port());
                started.put("Redis", "127.0.0.1:" + redis.port());
            }
            if (!environment.containsProperty("spring.mail.host")) {
                EmbeddedSmtpServer smtp = remember(
                        EmbeddedSmtpServer.start(dataDir.resolve("mail"), ports.smtpPort()));
                properties.put("spring.mail.host", "127.0.0.1");
                properties.put("spring.mail.port", smtp.port());
                started.put("SMTP", "127.0.0.1:" + smtp.port() + " (mail filed under " + smtp.mailDir() + ")");
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start the embedded servers under " + dataDir, e);
        }
        environment.getPropertySources().addLast(new MapPropertySource("nightshiftEmbeddedServers", properties));
        started.forEach((service, address) -> log.info("Embedded {} at {}", service, address));
    }

    /** The services started here and their addresses, for the operator; empty in external mode. */
    public Map<String, String> started() {
        return Collections.unmodifiableMap(started);
    }

    private <T extends AutoCloseable> T remember(T server) {
        running.push(server);
        return server;
    }

    /** Stops the servers in the reverse order of their start. */
    @Override
    public void close() {
        while (!running.isEmpty()) {
            AutoCloseable server = running.pop();
            try {
                server.close();
            } catch (Exception e) {
                log.warn("Embedded server {} did not stop cleanly", server, e);
            }
        }
    }
}
