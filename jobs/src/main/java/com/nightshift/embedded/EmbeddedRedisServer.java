package com.nightshift.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis server run from the binary carried in the jar, configured like the chain's own cache
 * server: 1 GB, least-recently-used eviction. It holds only a cache, so nothing is persisted.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer redis;
    private final int port;

    private EmbeddedRedisServer(RedisServer redis, int port) {
        this.redis = redis;
        this.port = port;
    }

    /**
     * @param directory holds the unpacked binary and Redis's working directory
     * @param port      0 for any free port
     */
    public static EmbeddedRedisServer start(Path directory, int port) throws IOException {
        Path binaries = Files.createDirectories(directory.resolve("binaries"));
        int chosen = FreePort.orAny(port);
        RedisServer redis = RedisServer.newRedisServer()
                .executableProvider(ExecutableProvider.newJarResourceProvider(binaries.toFile()))
                .port(chosen)
                .bind("127.0.0.1")
                .setting("dir " + directory.toAbsolutePath())
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("maxmemory 1gb")
                .setting("maxmemory-policy allkeys-lru")
                .onShutdownForceStop(true)
                .build();
        redis.start();
        return new EmbeddedRedisServer(redis, chosen);
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return redis.isActive();
    }

    /** Stops the server; tests use it to prove the engine survives a cache outage. */
    public void stop() throws IOException {
        if (redis.isActive()) {
            redis.stop();
        }
    }

    /** Starts the server again on the same port after {@link #stop()}. */
    public void restart() throws IOException {
        if (!redis.isActive()) {
            redis.start();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
