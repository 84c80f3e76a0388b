package com.nightshift.rollup.cache;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.CliRun;
import com.nightshift.support.JarProcess;
import com.nightshift.support.Migrations;
import com.nightshift.support.TestServers;
import com.zaxxer.hikari.HikariDataSource;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;

/** A rollup killed after it committed a partition and before it refreshed the partition's Redis keys. */
class RollupCacheKilledProcessIT {

    private static final String STORE = "苏州观前街店";
    /** Two days back: inside the engine's hot window whichever side of midnight in Shanghai the run starts. */
    private static final LocalDate RECENT_DAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2);

    @TempDir
    Path workDir;

    @Test
    void theNextRunAfterAKillBetweenCommitAndRefreshLeavesTheNewRowsInRedis() throws Exception {
        String url = TestServers.get().newDatabase("cachekill");
        Migrations.apply(url);
        String[] run = {"run", "rollup", "mode=full", "from=" + RECENT_DAY, "to=" + RECENT_DAY};
        try (HikariDataSource dataSource = Migrations.dataSource(url);
             FreezingRedisProxy proxy = FreezingRedisProxy.start(TestServers.get().redis().port())) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            aLine().store(STORE).on(RECENT_DAY).amount("66.60").insert(jdbc);
            String key = "nightshift:rollup:v1:" + jdbc.queryForObject("SELECT id FROM nightshift_database",
                    String.class) + ":store-daily:" + STORE + ":" + RECENT_DAY;
            // What the cache held before the run: no rows that day. Only a refresh replaces an existing key.
            set(key, "[]");

            try (JarProcess rollup = JarProcess.start(workDir, engineArguments(url, proxy.port(), run))) {
                await().atMost(Duration.ofMinutes(2)).until(() -> committedRows(jdbc) > 0);
                await().atMost(Duration.ofMinutes(1)).until(proxy::frozen);
                rollup.kill();
            }

            assertThat(get(key)).as("not refreshed before the kill").isEqualTo("[]");
            CliRun again = CliRun.onDatabase(url, withSettings(run, "--nightshift.ops.abandoned-after=0s"));

            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(get(key)).contains("66.60");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM rollup_cache_repair", Long.class)).isZero();
        }
    }

    private static long committedRows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM rollup_store_daily", Long.class);
    }

    private static void set(String key, String value) {
        onTestRedis(redis -> redis.set(key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String get(String key) {
        byte[] value = onTestRedis(redis -> redis.get(key.getBytes(StandardCharsets.UTF_8)));
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static <T> T onTestRedis(Function<RedisCommands<byte[], byte[]>, T> call) {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", TestServers.get().redis().port()));
        try (var connection = client.connect(ByteArrayCodec.INSTANCE)) {
            return call.apply(connection.sync());
        } finally {
            client.shutdown();
        }
    }

    /** The test servers' settings, with Redis behind {@code redisPort} and waiting 10 min for its answers. */
    private static String[] engineArguments(String url, int redisPort, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        TestServers.get().engineArguments(url).stream()
                .filter(argument -> !argument.startsWith("--spring.data.redis.port="))
                .forEach(all::add);
        all.add("--spring.data.redis.port=" + redisPort);
        all.add("--spring.data.redis.timeout=10m");
        all.add("--nightshift.rollup.threads=1");
        return all.toArray(String[]::new);
    }

    private static String[] withSettings(String[] command, String... settings) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(settings));
        return all.toArray(String[]::new);
    }

    /**
     * A TCP proxy to the test Redis that passes everything through (the engine's start-up, its scripts) until a
     * command names a store's generation key, which only a refresh of a partition's keys does in a {@code run}:
     * from then on it swallows what the engine sends, so the refresh waits for an answer that never comes.
     */
    private static final class FreezingRedisProxy implements AutoCloseable {

        private static final byte[] MARKER = ":generation:".getBytes(StandardCharsets.UTF_8);

        private final ServerSocket server;
        private final int redisPort;
        private final AtomicBoolean frozen = new AtomicBoolean();
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        private FreezingRedisProxy(ServerSocket server, int redisPort) {
            this.server = server;
            this.redisPort = redisPort;
        }

        static FreezingRedisProxy start(int redisPort) throws IOException {
            FreezingRedisProxy proxy = new FreezingRedisProxy(
                    new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), redisPort);
            daemon(proxy::accept);
            return proxy;
        }

        int port() {
            return server.getLocalPort();
        }

        boolean frozen() {
            return frozen.get();
        }

        private void accept() {
            try {
                while (true) {
                    Socket client = server.accept();
                    Socket redis = new Socket(InetAddress.getLoopbackAddress(), redisPort);
                    sockets.add(client);
                    sockets.add(redis);
                    daemon(() -> pump(client.getInputStream(), redis.getOutputStream(), true));
                    daemon(() -> pump(redis.getInputStream(), client.getOutputStream(), false));
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private void pump(InputStream in, OutputStream out, boolean fromEngine) {
            byte[] buffer = new byte[64 * 1024];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (fromEngine && (frozen.get() || contains(buffer, read))) {
                        frozen.set(true);
                        continue;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closed) {
                // one side went away
            }
        }

        private static boolean contains(byte[] buffer, int length) {
            for (int i = 0; i + MARKER.length <= length; i++) {
                if (Arrays.equals(buffer, i, i + MARKER.length, MARKER, 0, MARKER.length)) {
                    return true;
                }
            }
            return false;
        }

        private static void daemon(ThrowingRunnable body) {
            Thread thread = new Thread(() -> {
                try {
                    body.run();
                } catch (IOException closed) {
                    // the test is over
                }
            }, "redis-proxy");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }

        @FunctionalInterface
        private interface ThrowingRunnable {
            void run() throws IOException;
        }
    }
}
