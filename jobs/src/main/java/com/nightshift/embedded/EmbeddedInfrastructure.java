package com.nightshift.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import com.nightshift.config.InfrastructureUnavailableException;
import com.nightshift.config.NightshiftProperties;

/**
 * Embedded mode, only where it was asked for ({@code demo}, {@code --embedded}, {@code nightshift.embedded.enabled=true}).
 * Once the environment is known and before any bean exists, checks that each service the command needs is
 * configured. In embedded mode it starts a server for each one that is not, and publishes its address through
 * the same standard properties an operator would set; everything after that point is identical in embedded
 * and external mode. Otherwise a missing setting stops the command, naming the setting.
 *
 * <p>The caller owns the servers and closes them after the application context, so that connection pools
 * and the scheduler shut down while their servers are still up.
 */
public final class EmbeddedInfrastructure implements ApplicationListener<ApplicationEnvironmentPreparedEvent>,
        AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private static final String SETTINGS = "nightshift.embedded";

    private final Set<EmbeddedService> needed;
    private final boolean asked;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Map<String, String> started = new LinkedHashMap<>();

    /**
     * @param needed the services the command talks to
     * @param asked  embedded mode whatever the settings say ({@code demo}, {@code --embedded})
     */
    public EmbeddedInfrastructure(Set<EmbeddedService> needed, boolean asked) {
        this.needed = Set.copyOf(needed);
        this.asked = asked;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        List<EmbeddedService> missing = Arrays.stream(EmbeddedService.values())
                .filter(service -> needed.contains(service) && !service.isConfiguredIn(environment))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        Binder binder = Binder.get(environment);
        EmbeddedProperties settings = binder.bindOrCreate(SETTINGS, EmbeddedProperties.class);
        if (!asked && !settings.enabled()) {
            throw new ServerNotConfiguredException(missing);
        }
        startEmbedded(environment, binder, settings, missing);
    }

    private void startEmbedded(ConfigurableEnvironment environment, Binder binder, EmbeddedProperties ports,
                               List<EmbeddedService> missing) {
        Path dataDir = binder.bindOrCreate("nightshift", NightshiftProperties.class).dataDir();
        Map<String, Object> properties = new LinkedHashMap<>();
        try {
            if (missing.contains(EmbeddedService.DATABASE)) {
                EmbeddedPostgresServer postgres = remember(
                        EmbeddedPostgresServer.start(dataDir.resolve("postgres"), ports.postgresPort()));
                properties.put("spring.datasource.url", postgres.jdbcUrl());
                properties.put("spring.datasource.username", postgres.username());
                started.put("PostgreSQL", postgres.jdbcUrl());
            }
            if (missing.contains(EmbeddedService.REDIS)) {
                EmbeddedRedisServer redis = remember(
                        EmbeddedRedisServer.start(dataDir.resolve("redis"), ports.redisPort()));
                properties.put("spring.data.redis.host", "127.0.0.1");
                properties.put("spring.data.redis.port", redis.port());
                started.put("Redis", "127.0.0.1:" + redis.port());
            }
            if (missing.contains(EmbeddedService.MAIL)) {
                EmbeddedSmtpServer smtp = remember(
                        EmbeddedSmtpServer.start(dataDir.resolve("mail"), ports.smtpPort()));
                properties.put("spring.mail.host", "127.0.0.1");
                properties.put("spring.mail.port", smtp.port());
                started.put("SMTP", "127.0.0.1:" + smtp.port() + " (mail filed under " + smtp.mailDir() + ")");
            }
        } catch (IOException | RuntimeException e) {
            close();
            // one line for the operator; the stack trace goes to the log file
            throw new InfrastructureUnavailableException("cannot start the embedded servers under "
                    + dataDir.toAbsolutePath() + ": " + String.valueOf(e).lines().findFirst().orElse(""), e);
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
