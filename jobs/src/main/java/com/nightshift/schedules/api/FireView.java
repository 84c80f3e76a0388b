package com.nightshift.schedules.api;

import java.time.ZoneId;

import com.nightshift.schedules.FireRecord;

/** A fire as the API answers a manual fire with. */
record FireView(long id, String schedule, FireTime fireTime, String kind, String parameters, String outcome,
                Long executionId, String instance, String message) {

    static FireView of(FireRecord record, ZoneId zone) {
        return new FireView(record.id(), record.schedule(), FireTime.of(record.fireTime(), zone), record.kind().name(),
                record.parameters(), record.outcome().name(), record.executionId(), record.instance(),
                record.message());
    }
}
