package com.nightshift.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis server run from the binary carried in the jar, configured like the chain's own cache
 * server: 1 GB, least-recently-used eviction. It holds only a cache, so nothing is persisted.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private static final String PID_FILE = "redis.pid";
    /** The process that started the Redis of {@link #PID_FILE}. */
    private static final String OWNER_FILE = "redis.owner";

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
        Path pidFile = directory.toAbsolutePath().resolve(PID_FILE);
        Path ownerFile = directory.toAbsolutePath().resolve(OWNER_FILE);
        stopLeftOver(pidFile, ownerFile, binaries);
        int chosen = FreePort.orAny(port);
        RedisServer redis = RedisServer.newRedisServer()
                .executableProvider(ExecutableProvider.newJarResourceProvider(binaries.toFile()))
                .port(chosen)
                .bind("127.0.0.1")
                .setting("dir " + directory.toAbsolutePath())
                .setting("pidfile " + pidFile)
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("maxmemory 1gb")
                .setting("maxmemory-policy allkeys-lru")
                .onShutdownForceStop(true)
                .build();
        redis.start();
        Files.writeString(ownerFile, Long.toString(ProcessHandle.current().pid()));
        return new EmbeddedRedisServer(redis, chosen);
    }

    /**
     * A process killed without its shutdown hook ({@code kill -9}, a crash) leaves its Redis running: Redis does not
     * end with its parent. It would hold the port, and the demo's fixed port would refuse the next start. Such a
     * server is the one whose pid the last start wrote in this folder, still running this folder's binary, and
     * whose starting process is gone; any other process that has since taken the pid is left alone, and so is the
     * Redis of another engine still running on the same folder.
     */
    private static void stopLeftOver(Path pidFile, Path ownerFile, Path binaries) throws IOException {
        if (!Files.exists(pidFile) || ownerAlive(ownerFile)) {
            return;
        }
        String pid = Files.readString(pidFile).trim();
        Files.delete(pidFile);
        if (!pid.matches("\\d+")) {
            return;
        }
        String binary = binaries.toAbsolutePath().toString();
        ProcessHandle.of(Long.parseLong(pid))
                .filter(process -> process.info().command().filter(command -> command.startsWith(binary)).isPresent())
                .ifPresent(EmbeddedRedisServer::stopAndWait);
    }

    /** This process restarting on its own folder (tests) counts as gone: it no longer holds the old server. */
    private static boolean ownerAlive(Path ownerFile) throws IOException {
        if (!Files.exists(ownerFile)) {
            return false;
        }
        String owner = Files.readString(ownerFile).trim();
        return owner.matches("\\d+") && Long.parseLong(owner) != ProcessHandle.current().pid()
                && ProcessHandle.of(Long.parseLong(owner)).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void stopAndWait(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
        }
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
