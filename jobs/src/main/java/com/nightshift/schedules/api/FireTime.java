package com.nightshift.schedules.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** An instant as a schedule's zone reads it and as UTC. */
record FireTime(OffsetDateTime zone, OffsetDateTime utc) {

    static FireTime of(Instant instant, ZoneId zone) {
        return new FireTime(instant.atZone(zone).toOffsetDateTime(), instant.atOffset(ZoneOffset.UTC));
    }
}
