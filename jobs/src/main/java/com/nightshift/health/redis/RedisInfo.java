package com.nightshift.health.redis;

import java.util.List;
import java.util.Properties;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthState;

/**
 * Reads a section of Redis's {@code INFO}, which every Redis answers (managed services often disable
 * {@code CONFIG}), and words the result of a check that could not ask.
 */
final class RedisInfo {

    private RedisInfo() {
    }

    /** @throws RuntimeException (Spring's data access exceptions) when Redis does not answer */
    static Properties section(RedisConnectionFactory redis, String section) {
        try (RedisConnection connection = redis.getConnection()) {
            Properties info = connection.serverCommands().info(section);
            if (info == null) {
                throw new IllegalStateException("Redis gave no INFO " + section);
            }
            return info;
        }
    }

    static long number(Properties info, String key) {
        String value = info.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("Redis's INFO has no " + key);
        }
        return Long.parseLong(value.trim());
    }

    /** Where the client looks for Redis, for messages. */
    static String where(RedisConnectionFactory redis) {
        return redis instanceof LettuceConnectionFactory lettuce
                ? "Redis at " + lettuce.getHostName() + ":" + lettuce.getPort() : "Redis";
    }

    static CheckResult cannotCheck(String check, RedisConnectionFactory redis, RuntimeException e) {
        return new CheckResult(check, CheckGroup.REDIS, HealthState.WARN, "could not check: " + where(redis)
                + " does not answer (" + e.getMessage() + "); see check redis.reachable", List.of());
    }
}
