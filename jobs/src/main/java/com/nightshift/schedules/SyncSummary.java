package com.nightshift.schedules;

import java.util.List;

/** What a sync of the schedule files into Quartz did, by schedule name. */
public record SyncSummary(List<String> added, List<String> changed, List<String> removed, List<String> unchanged) {

    public SyncSummary {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        unchanged = List.copyOf(unchanged);
    }

    /** One line: {@code 1 added (a), 0 changed, 2 removed (b, c), 3 unchanged}. */
    public String line() {
        return part(added, "added") + ", " + part(changed, "changed") + ", " + part(removed, "removed") + ", "
                + unchanged.size() + " unchanged";
    }

    private static String part(List<String> names, String what) {
        return names.size() + " " + what + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
    }
}
