package com.nightshift.schedules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.quartz.JobDataMap;

/**
 * A schedule's whole definition as its Quartz job keeps it in the database: the instance that fires it runs what
 * the database holds, so a reload on one instance takes effect on all. The hash tells a sync whether a schedule
 * changed.
 */
final class ScheduleJobData {

    private static final String JOB = "job";
    private static final String CRON = "cron";
    private static final String ZONE = "zone";
    // a map under one key: Spring's job factory reads dotted keys as bean property paths
    private static final String PARAMETERS = "parameters";
    private static final String MISFIRE = "misfire";
    private static final String CATCH_UP_LIMIT = "catchUpLimit";
    private static final String FILE = "file";
    private static final String HASH = "hash";

    private ScheduleJobData() {
    }

    static JobDataMap of(ScheduleDefinition definition) {
        JobDataMap data = new JobDataMap();
        data.put(JOB, definition.job());
        data.put(CRON, definition.cron());
        data.put(ZONE, definition.zone().getId());
        data.put(PARAMETERS, new HashMap<>(definition.parameters()));
        data.put(MISFIRE, definition.misfire().name());
        data.put(CATCH_UP_LIMIT, definition.catchUpLimit());
        data.put(FILE, definition.file());
        data.put(HASH, hash(definition));
        return data;
    }

    @SuppressWarnings("unchecked")
    static ScheduleDefinition definition(String name, JobDataMap data) {
        return new ScheduleDefinition(name, data.getString(JOB), data.getString(CRON), ZoneId.of(data.getString(ZONE)),
                (Map<String, String>) data.get(PARAMETERS), Misfire.valueOf(data.getString(MISFIRE)),
                data.getInt(CATCH_UP_LIMIT), true, data.getString(FILE));
    }

    static String hashOf(JobDataMap data) {
        return data.getString(HASH);
    }

    /** Everything that changes what or when a schedule runs; not the file it is written in. */
    static String hash(ScheduleDefinition definition) {
        String canonical = String.join("\n", definition.name(), definition.job(), definition.cron(),
                definition.zone().getId(), new TreeMap<>(definition.parameters()).toString(),
                definition.misfire().name(), Integer.toString(definition.catchUpLimit()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
