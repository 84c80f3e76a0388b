package com.nightshift.cli;

import java.util.concurrent.Callable;

import com.nightshift.schedules.Schedules;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "schedules", description = "Show the schedules: each one's job, state (NORMAL, PAUSED or DISABLED), "
        + "next fires in its zone and in UTC, and its previous fire, from the configured database.",
        subcommands = {SchedulesPreviewCommand.class, SchedulesValidateCommand.class})
final class SchedulesCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    EmbeddedOption embedded = new EmbeddedOption();

    @Option(names = "--next", paramLabel = "N", description = "How many next fires to show per schedule (default 3).")
    int next = 3;

    SchedulesCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (next < 1 || next > 100) {
            throw new IllegalArgumentException("--next must be between 1 and 100, was " + next);
        }
        try (Engine engine = session.startEngine(EngineMode.ONE_SHOT, embedded.asked)) {
            Schedules schedules = engine.bean(Schedules.class);
            session.out().println("Schedules from " + schedules.location() + ":");
            ScheduleTable.lines(schedules.statuses(next)).forEach(session.out()::println);
            return ExitCodes.OK;
        }
    }
}
