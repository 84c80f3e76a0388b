package com.nightshift.rollup.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import com.nightshift.support.IntegrationTest;

class RedisConnectionOpenerTest extends IntegrationTest {

    @Autowired
    RedisConnectionOpener opener;
    @Autowired
    RedisConnectionFactory connections;

    @Test
    void startUpLoadsEveryCacheScriptIntoRedis() {
        try (RedisConnection connection = connections.getConnection()) {
            connection.scriptingCommands().scriptFlush();

            opener.open();

            assertThat(connection.scriptingCommands().scriptExists(RollupScripts.REPLACE.getSha1(),
                    RollupScripts.ADD_MISSING.getSha1(), RollupScripts.EXISTING.getSha1()))
                    .isEqualTo(List.of(true, true, true));
        }
    }
}
