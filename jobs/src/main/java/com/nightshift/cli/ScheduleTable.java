package com.nightshift.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.nightshift.schedules.FireRecord;
import com.nightshift.schedules.ScheduleDefinition;
import com.nightshift.schedules.ScheduleStatus;

/** The schedules as {@code schedules} and {@code demo} print them: one row per next fire, in the zone and in UTC. */
final class ScheduleTable {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");
    private static final String[] HEADINGS = {"NAME", "JOB", "PARAMETERS", "STATE", "CRON", "ZONE",
            "NEXT FIRE (ZONE)", "NEXT FIRE (UTC)", "PREVIOUS FIRE"};

    private ScheduleTable() {
    }

    static List<String> lines(List<ScheduleStatus> statuses) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (ScheduleStatus status : statuses) {
            ScheduleDefinition definition = status.definition();
            List<Instant> next = status.nextFires();
            for (int i = 0; i < Math.max(1, next.size()); i++) {
                boolean first = i == 0;
                rows.add(new String[]{first ? definition.name() : "", first ? definition.job() : "",
                        first ? parameters(definition.parameters()) : "", first ? status.state().name() : "",
                        first ? definition.cron() : "", first ? definition.zone().getId() : "",
                        next.isEmpty() ? "-" : local(next.get(i), definition.zone()),
                        next.isEmpty() ? "-" : utc(next.get(i)),
                        first ? status.previous().map(ScheduleTable::previous).orElse("-") : ""});
            }
        }
        return TextTable.aligned(rows);
    }

    static String local(Instant instant, ZoneId zone) {
        return LOCAL.format(instant.atZone(zone));
    }

    static String utc(Instant instant) {
        return UTC.format(instant.atOffset(ZoneOffset.UTC));
    }

    static String parameters(Map<String, String> parameters) {
        return parameters.isEmpty() ? "-" : new TreeMap<>(parameters).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(" "));
    }

    private static String previous(FireRecord fire) {
        return utc(fire.fireTime()) + " " + fire.kind() + " " + fire.outcome()
                + (fire.executionId() == null ? "" : " (execution " + fire.executionId() + ")");
    }
}
