package com.nightshift.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import com.nightshift.embedded.EmbeddedRedisServer;

/**
 * A Redis outage for one test: stops the shared test Redis server, runs the action, starts the server again
 * and waits until the application's Redis client has reconnected, so that the next test finds Redis working.
 */
public final class RedisOutage {

    private RedisOutage() {
    }

    /** Runs {@code action} while Redis is down and returns what it returned. */
    public static <T> T during(RedisConnectionFactory client, Callable<T> action) throws Exception {
        EmbeddedRedisServer redis = TestServers.get().redis();
        redis.stop();
        try {
            return action.call();
        } finally {
            redis.restart();
            await("the Redis client reconnects").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> answersPing(client));
        }
    }

    private static boolean answersPing(RedisConnectionFactory client) {
        try (RedisConnection connection = client.getConnection()) {
            return "PONG".equals(connection.ping());
        }
    }
}
