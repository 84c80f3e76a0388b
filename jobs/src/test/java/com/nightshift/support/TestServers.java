package com.nightshift.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

import com.nightshift.embedded.EmbeddedPostgresServer;
import com.nightshift.embedded.EmbeddedRedisServer;
import com.nightshift.embedded.EmbeddedSmtpServer;
import com.nightshift.schema.SchemaProperties;

/**
 * The real servers the tests talk to, started once per test JVM on free ports and shared: the same
 * embedded PostgreSQL, Redis and SMTP server classes the engine's embedded default uses.
 */
public final class TestServers {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestServers instance;

    private final Path root;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedRedisServer redis;
    private final EmbeddedSmtpServer smtp;

    private TestServers(Path root) throws IOException {
        this.root = root;
        // point-of-sale systems may commit in two phases: the incremental rollup is tested against that too
        this.postgres = EmbeddedPostgresServer.start(root.resolve("postgres"), 0,
                Map.of("max_prepared_transactions", "10"));
        this.redis = EmbeddedRedisServer.start(root.resolve("redis"), 0);
        this.smtp = EmbeddedSmtpServer.start(root.resolve("data/mail"), 0);
    }

    public static synchronized TestServers get() {
        if (instance == null) {
            try {
                Path root = Files.createTempDirectory("nightshift-test-");
                instance = new TestServers(root);
                Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-servers-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The shared database that Spring contexts in tests use. */
    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    /** Points a Spring test context at these servers, with {@code jdbcUrl} as its database. */
    public void register(DynamicPropertyRegistry registry, String jdbcUrl) {
        registry.add("spring.datasource.url", () -> jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", redis::port);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", smtp::port);
        registry.add("nightshift.data-dir", () -> dataDir().toString());
    }

    /** A new, empty database on the same server, for tests that need one of their own. */
    public String newDatabase(String prefix) {
        String name = prefix + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", null);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return postgres.jdbcUrl().replace("/postgres?", "/" + name + "?");
    }

    public EmbeddedRedisServer redis() {
        return redis;
    }

    public int smtpPort() {
        return smtp.port();
    }

    /** The data directory tests give the engine; mail received by the SMTP server lands in its mail folder. */
    public Path dataDir() {
        return root.resolve("data");
    }

    /**
     * Engine settings, as command-line arguments, that point it at these servers and let it bring a test
     * database's schema up to date at start-up.
     */
    public List<String> engineArguments(String jdbcUrl) {
        List<String> arguments = new ArrayList<>(serverArguments(jdbcUrl));
        arguments.add("--" + SchemaProperties.MIGRATE_ON_START + "=true");
        return arguments;
    }

    /** Engine settings that point it at these servers, and nothing else: the schema is only checked. */
    public List<String> serverArguments(String jdbcUrl) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.datasource.url=" + jdbcUrl);
        arguments.add("--spring.datasource.username=postgres");
        arguments.add("--spring.data.redis.host=127.0.0.1");
        arguments.add("--spring.data.redis.port=" + redis.port());
        arguments.add("--spring.mail.host=127.0.0.1");
        arguments.add("--spring.mail.port=" + smtp.port());
        arguments.add("--nightshift.data-dir=" + dataDir());
        return arguments;
    }

    /**
     * Stops the servers, then deletes their folder: a test run's database, Redis and mail take over a gigabyte, and
     * a developer's /tmp outlives many runs (the disk checks found 68 GB of them once).
     */
    private void stop() {
        try {
            smtp.close();
            redis.close();
            postgres.close();
            FileSystemUtils.deleteRecursively(root);
        } catch (IOException e) {
            System.err.println("test servers: could not stop and remove " + root + ": " + e);
        }
    }
}
