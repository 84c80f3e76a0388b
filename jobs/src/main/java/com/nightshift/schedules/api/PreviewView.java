package com.nightshift.schedules.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.nightshift.schedules.ScheduleDefinition;
import com.nightshift.schedules.Schedules;

/** A schedule's next fires, each with the parameters its run would get. */
record PreviewView(String name, String cron, String zone, List<Fire> fires) {

    record Fire(FireTime time, Map<String, String> parameters) {
    }

    static PreviewView of(ScheduleDefinition definition, List<Instant> fires) {
        return new PreviewView(definition.name(), definition.cron(), definition.zone().getId(), fires.stream()
                .map(fire -> new Fire(FireTime.of(fire, definition.zone()),
                        new TreeMap<>(Schedules.parametersAt(definition, fire))))
                .toList());
    }
}
