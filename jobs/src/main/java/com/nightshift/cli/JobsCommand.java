package com.nightshift.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.nightshift.job.JobDescription;
import com.nightshift.job.ParameterDescription;

import picocli.CommandLine.Command;

@Command(name = "jobs", description = "List the jobs and the parameters each takes, with their values and defaults. "
        + "Needs no database.")
final class JobsCommand implements Callable<Integer> {

    private static final String[] HEADINGS = {"PARAMETER", "VALUE", "DEFAULT", "DESCRIPTION"};

    private final CliSession session;

    JobsCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        for (JobDescription job : KnownJobs.ALL) {
            session.out().println(job.name() + ": " + job.summary());
            List<String[]> rows = new ArrayList<>();
            rows.add(HEADINGS);
            for (ParameterDescription parameter : job.parameters()) {
                rows.add(new String[]{parameter.name(), parameter.valueForm(), parameter.defaultValue(),
                        parameter.description()});
            }
            TextTable.aligned(rows).forEach(line -> session.out().println("    " + line));
            session.out().println();
        }
        session.out().println("Run one with: nightshift run JOB PARAMETER=VALUE ...");
        return ExitCodes.OK;
    }
}
