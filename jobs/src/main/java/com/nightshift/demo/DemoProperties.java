package com.nightshift.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo chain generated into an empty database.
 *
 * @param orderLines order lines to generate
 * @param stores     stores in the chain
 * @param days       business dates, ending yesterday
 * @param seed       seed, so every demo shows the same chain
 */
@ConfigurationProperties("nightshift.demo")
public record DemoProperties(
        @DefaultValue("1000000") long orderLines,
        @DefaultValue("100") int stores,
        @DefaultValue("90") int days,
        @DefaultValue("20261125") long seed) {
}
