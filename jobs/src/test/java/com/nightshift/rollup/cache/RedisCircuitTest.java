package com.nightshift.rollup.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RedisCircuitTest {

    private static final RuntimeException FAILURE = new IllegalStateException("connection refused");

    @Test
    void allowsCallsUntilAFailure() {
        RedisCircuit circuit = new RedisCircuit(Duration.ofMinutes(1));
        assertThat(circuit.allowsCalls()).isTrue();

        circuit.recordFailure(FAILURE);

        assertThat(circuit.allowsCalls()).isFalse();
    }

    @Test
    void allowsCallsAgainOnceItsOpenTimeHasPassed() {
        RedisCircuit circuit = new RedisCircuit(Duration.ofSeconds(1));

        circuit.recordFailure(FAILURE);

        assertThat(circuit.allowsCalls()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(circuit::allowsCalls);
    }
}
