package com.nightshift.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import com.nightshift.schedules.ScheduleDefinition;
import com.nightshift.schedules.Schedules;
import com.nightshift.schedules.UnknownScheduleException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "preview", description = "Show a schedule's next fires in its zone and in UTC, each with the "
        + "parameters its run would get. Reads the schedule files only: no database needed.")
final class SchedulesPreviewCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(index = "0", paramLabel = "NAME", description = "The schedule's name.")
    String name;

    @Option(names = "--count", paramLabel = "N", description = "How many fires (default 5, at most 100).")
    int count = 5;

    SchedulesPreviewCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (count < 1 || count > 100) {
            throw new IllegalArgumentException("--count must be between 1 and 100, was " + count);
        }
        List<ScheduleDefinition> all = ScheduleSettings.folder(session.springArguments(), null).load(KnownJobs.ALL);
        ScheduleDefinition definition = all.stream().filter(schedule -> schedule.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownScheduleException(name,
                        all.stream().map(ScheduleDefinition::name).toList()));
        session.out().printf("%s: %s %s at '%s' in %s%s%n", definition.name(), definition.job(),
                ScheduleTable.parameters(definition.parameters()), definition.cron(), definition.zone().getId(),
                definition.enabled() ? "" : " (disabled: it does not fire)");
        for (Instant fire : definition.fireTimes().next(Instant.now(), count)) {
            session.out().printf("  %s  %s  %s%n", ScheduleTable.local(fire, definition.zone()),
                    ScheduleTable.utc(fire), ScheduleTable.parameters(Schedules.parametersAt(definition, fire)));
        }
        return ExitCodes.OK;
    }
}
