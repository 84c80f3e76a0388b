package com.nightshift.schedules;

import java.util.List;

/**
 * Schedule files that cannot be used as they are: every problem found, each naming its file, schedule and field.
 * Nothing of a folder with a problem is used.
 */
public class ScheduleFileException extends RuntimeException {

    private final List<String> problems;

    public ScheduleFileException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
