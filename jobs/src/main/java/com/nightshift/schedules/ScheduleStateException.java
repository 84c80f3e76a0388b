package com.nightshift.schedules;

/** The schedule is not in a state the operation applies to: already paused or resumed, or disabled. */
public class ScheduleStateException extends RuntimeException {

    public ScheduleStateException(String message) {
        super(message);
    }
}
