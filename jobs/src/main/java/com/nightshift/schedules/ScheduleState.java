package com.nightshift.schedules;

/** Whether a schedule fires. */
public enum ScheduleState {
    NORMAL,
    /** Paused by an operator: its fires are not run, and not caught up when it is resumed. */
    PAUSED,
    /** {@code enabled: false} in its file: not in Quartz at all. */
    DISABLED
}
