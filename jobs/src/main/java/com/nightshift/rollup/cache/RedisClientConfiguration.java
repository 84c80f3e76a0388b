package com.nightshift.rollup.cache;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.resource.Delay;

/**
 * How the Redis client behaves during an outage, for the rollup cache (Redis holds nothing else). These
 * customize the client Spring Boot builds from {@code spring.data.redis.*}, whose timeouts stay in charge.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

    /**
     * By default Lettuce queues commands while disconnected and each waits for the full command timeout;
     * rejecting them instead makes a read that tries Redis during an outage fall back to the tables at once.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS);
    }

    /**
     * Lettuce's default backoff grows to 30 s between reconnection attempts; capping it at the circuit's
     * open time lets the cache heal within seconds of Redis coming back.
     */
    @Bean
    ClientResourcesBuilderCustomizer reconnectWithinCircuitOpenTime(RollupCacheProperties properties) {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(10), properties.circuitOpenFor(), 2, TimeUnit.MILLISECONDS));
    }
}
