package com.nightshift.ops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How running jobs show they are alive, and how many the API may run at once.
 *
 * @param heartbeatEvery how often a process running a job renews its heartbeat
 * @param abandonedAfter how long without a heartbeat before a run is taken for dead and may be recovered;
 *                       several heartbeats long, so that a busy database does not make a live run look dead
 * @param backgroundJobs how many runs started through the API go at once in one process; more are refused
 */
@ConfigurationProperties("nightshift.ops")
public record OpsProperties(
        @DefaultValue("10s") Duration heartbeatEvery,
        @DefaultValue("60s") Duration abandonedAfter,
        @DefaultValue("4") int backgroundJobs) {

    public OpsProperties {
        if (backgroundJobs < 1) {
            throw new IllegalArgumentException("nightshift.ops.background-jobs must be at least 1, was "
                    + backgroundJobs);
        }
    }
}
