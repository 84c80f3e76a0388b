package com.nightshift.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run from binaries carried in the jar. Its data directory is kept between
 * runs, so the demo's database survives a restart.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param directory holds the cluster's data ({@code data/}) and the unpacked binaries ({@code binaries/})
     * @param port      0 for any free port
     */
    public static EmbeddedPostgresServer start(Path directory, int port) throws IOException {
        return start(directory, port, Map.of());
    }

    /** @param settings server settings beyond the defaults, e.g. for a test that needs prepared transactions */
    public static EmbeddedPostgresServer start(Path directory, int port, Map<String, String> settings)
            throws IOException {
        Path binaries = Files.createDirectories(directory.resolve("binaries"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory.resolve("data"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPort(FreePort.orAny(port))
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "4GB")
                // the engine's own hook stops it, after the jobs using it (cli/Engine)
                .setRegisterShutdownHook(false);
        settings.forEach(builder::setServerConfig);
        return new EmbeddedPostgresServer(builder.start());
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
