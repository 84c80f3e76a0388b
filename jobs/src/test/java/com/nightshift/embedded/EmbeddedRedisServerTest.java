package com.nightshift.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nightshift.support.FreePorts;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

class EmbeddedRedisServerTest {

    @TempDir
    Path directory;

    @Test
    void aServerLeftRunningByAKilledProcessIsStoppedSoTheNextStartGetsItsPort() throws Exception {
        int port = FreePorts.unused();
        // never closed: what a process killed with kill -9 leaves behind, its shutdown hook never run
        EmbeddedRedisServer.start(directory, port);
        long leftOver = Long.parseLong(Files.readString(directory.resolve("redis.pid")).trim());

        try (EmbeddedRedisServer next = EmbeddedRedisServer.start(directory, port)) {
            assertThat(ProcessHandle.of(leftOver).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(next.port()).isEqualTo(port);
            assertThat(ping(port)).isEqualTo("PONG");
        }
    }

    @Test
    void aPidFileNamingAnotherProgramLeavesThatProgramAlone() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(directory.resolve("redis.pid"), other.pid() + "\n");

            try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(directory, 0)) {
                assertThat(other.isAlive()).isTrue();
                assertThat(ping(redis.port())).isEqualTo("PONG");
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void theRedisOfAnotherEngineStillRunningOnTheSameFolderIsLeftAlone() throws Exception {
        Process otherEngine = new ProcessBuilder("sleep", "60").start();
        try (EmbeddedRedisServer theirs = EmbeddedRedisServer.start(directory, 0)) {
            Files.writeString(directory.resolve("redis.owner"), Long.toString(otherEngine.pid()));

            try (EmbeddedRedisServer ours = EmbeddedRedisServer.start(directory, 0)) {
                assertThat(ping(theirs.port())).isEqualTo("PONG");
                assertThat(ping(ours.port())).isEqualTo("PONG");
            }
        } finally {
            otherEngine.destroyForcibly();
        }
    }

    private static String ping(int port) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().ping();
        } finally {
            client.shutdown();
        }
    }
}
