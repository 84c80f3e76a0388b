package com.nightshift.delivery;

import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Where senders get the sessions that prove them alive: one new, unpooled connection per sending. */
final class SenderSessions {

    private SenderSessions() {
    }

    static DataSource unpooled(DataSourceProperties properties) {
        SimpleDriverDataSource dataSource = properties.initializeDataSourceBuilder()
                .type(SimpleDriverDataSource.class).build();
        Properties connectionProperties = new Properties();
        connectionProperties.setProperty("ApplicationName", "nightshift delivery");
        // A machine lost without closing its connection would keep its claims alive until the server's TCP
        // keepalives give up, two hours by default; these let the server notice within about a minute.
        connectionProperties.setProperty("tcpKeepAlive", "true");
        connectionProperties.setProperty("options",
                "-c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3");
        // a ledger update never waits for ever on a silent server
        connectionProperties.setProperty("socketTimeout", "60");
        dataSource.setConnectionProperties(connectionProperties);
        return dataSource;
    }
}
