package com.nightshift.ops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How running jobs show they are alive.
 *
 * @param heartbeatEvery how often a process running a job renews its heartbeat
 * @param abandonedAfter how long without a heartbeat before a run is taken for dead and may be recovered;
 *                       several heartbeats long, so that a busy database does not make a live run look dead
 */
@ConfigurationProperties("nightshift.ops")
public record OpsProperties(
        @DefaultValue("10s") Duration heartbeatEvery,
        @DefaultValue("60s") Duration abandonedAfter) {
}
