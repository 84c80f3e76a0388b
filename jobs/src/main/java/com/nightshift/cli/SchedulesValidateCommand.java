package com.nightshift.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.nightshift.schedules.ScheduleDefinition;
import com.nightshift.schedules.ScheduleFolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", description = "Check schedule files without starting the engine, as a deployment "
        + "pipeline would: exit 0 if every file is valid, 2 with one line per problem if not.")
final class SchedulesValidateCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "The folder of *.yml schedule files (default: nightshift.schedules.dir, or the bundled "
                    + "ones).")
    String dir;

    SchedulesValidateCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ScheduleFolder folder = ScheduleSettings.folder(session.springArguments(), dir);
        List<ScheduleDefinition> schedules = folder.load(KnownJobs.ALL);
        session.out().printf("%s: %d schedule(s) valid, %d enabled%n", folder.location(), schedules.size(),
                schedules.stream().filter(ScheduleDefinition::enabled).count());
        return ExitCodes.OK;
    }
}
