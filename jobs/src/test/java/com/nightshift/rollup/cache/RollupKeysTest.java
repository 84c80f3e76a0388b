package com.nightshift.rollup.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.IntegrationTest;
import com.nightshift.support.Migrations;
import com.nightshift.support.TestServers;
import com.zaxxer.hikari.HikariDataSource;

class RollupKeysTest extends IntegrationTest {

    @Autowired
    private RollupKeys keys;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theDefaultPrefixEndsWithTheDatabasesIdentifier() {
        String id = jdbc.queryForObject("SELECT id FROM nightshift_database", String.class);

        assertThat(id).matches("[0-9a-f]{12}");
        assertThat(keys.prefix()).isEqualTo("nightshift:rollup:v1:" + id);
    }

    @Test
    void twoDatabasesOnOneRedisGetDifferentPrefixes() throws Exception {
        String other = TestServers.get().newDatabase("keys");
        Migrations.apply(other);

        try (HikariDataSource dataSource = Migrations.dataSource(other)) {
            RollupKeys otherKeys = new RollupKeys(properties(Map.of()), new JdbcTemplate(dataSource));

            assertThat(otherKeys.prefix()).startsWith("nightshift:rollup:v1:").isNotEqualTo(keys.prefix());
        }
    }

    @Test
    void aConfiguredPrefixIsUsedAsItIs() {
        RollupKeys configured = new RollupKeys(properties(Map.of("cache.key-prefix", "chain-a:rollup")), jdbc);

        assertThat(configured.prefix()).isEqualTo("chain-a:rollup");
    }

    private static RollupCacheProperties properties(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("cache", Bindable.of(RollupCacheProperties.class));
    }
}
