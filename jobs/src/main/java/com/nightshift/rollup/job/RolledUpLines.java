package com.nightshift.rollup.job;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts order lines rolled up, as their partitions commit (a chunk rolled back and redone counts once):
 * {@code nightshift_rollup_order_lines_total} on {@code /actuator/prometheus}, whose rate is the rollup's
 * throughput. Counted as the run's exit message counts them: every line its partition read, the quarantined ones
 * included (they were read and judged too).
 */
@Component
class RolledUpLines {

    private final Counter lines;

    RolledUpLines(MeterRegistry registry) {
        this.lines = Counter.builder("nightshift.rollup.order.lines")
                .description("Order lines rolled up, counted as their partitions commit")
                .register(registry);
    }

    void committed(long count) {
        lines.increment(count);
    }
}
