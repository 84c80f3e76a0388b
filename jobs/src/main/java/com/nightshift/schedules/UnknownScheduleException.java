package com.nightshift.schedules;

import java.util.Collection;

/** No schedule of that name in the schedule files. */
public class UnknownScheduleException extends RuntimeException {

    public UnknownScheduleException(String name, Collection<String> known) {
        super("no schedule named '" + name + "'; the schedules are: " + String.join(", ", known));
    }
}
