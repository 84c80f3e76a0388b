package com.nightshift.demo;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.nightshift.orders.GenerateRequest;
import com.nightshift.orders.GenerateSummary;
import com.nightshift.orders.OrderGenerator;

/** Fills an empty database with the demo chain; leaves a database that has orders alone. */
@Service
public class DemoChain {

    private final JdbcTemplate jdbc;
    private final OrderGenerator generator;
    private final DemoProperties properties;

    public DemoChain(JdbcTemplate jdbc, OrderGenerator generator, DemoProperties properties) {
        this.jdbc = jdbc;
        this.generator = generator;
        this.properties = properties;
    }

    /** Generates the demo chain ending on {@code lastDate} if there are no orders yet. */
    public Optional<GenerateSummary> generateIfEmpty(LocalDate lastDate) {
        Boolean hasOrders = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM orders)", Boolean.class);
        if (Boolean.TRUE.equals(hasOrders)) {
            return Optional.empty();
        }
        return Optional.of(generator.generate(new GenerateRequest(properties.orderLines(), properties.days(),
                properties.stores(), properties.seed(), lastDate)));
    }
}
