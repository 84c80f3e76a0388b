package com.nightshift.cli;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.nightshift.ops.ExecutionFilter;
import com.nightshift.ops.JobExecutionView;
import com.nightshift.ops.JobExecutions;
import com.nightshift.ops.StartedBy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "executions", description = "Show the job executions recorded in the configured database, newest "
        + "first: status, start, duration, the steps' counts, who or what started each, and its parameters.")
final class ExecutionsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
    private static final String[] HEADINGS = {"ID", "JOB", "STATUS", "STARTED", "DURATION", "READ", "WRITTEN",
            "SKIPPED", "STARTED BY", "PARAMETERS"};

    private final CliSession session;

    @Mixin
    EmbeddedOption embedded = new EmbeddedOption();

    @Option(names = "--job", paramLabel = "JOB", description = "Only this job's executions.")
    String job;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only executions with this status: COMPLETED, FAILED, STOPPED, STARTED, ...")
    String status;

    @Option(names = "--limit", paramLabel = "N", description = "How many to show (default 20, at most 200).")
    int limit = ExecutionFilter.DEFAULT_LIMIT;

    @Option(names = "--before", paramLabel = "ID",
            description = "Only executions older than this one: the next page after a list that ended with it.")
    Long before;

    ExecutionsCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        // checked before the engine starts, so a typo is answered at once
        ExecutionFilter filter = ExecutionFilter.of(job, status, null, before, limit);
        try (Engine engine = session.startEngine(EngineMode.ONE_SHOT, embedded.asked)) {
            JobExecutions.Page page = engine.bean(JobExecutions.class).page(filter);
            if (page.executions().isEmpty()) {
                session.out().println("No job executions" + (before == null ? "" : " before " + before) + ".");
                return ExitCodes.OK;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(HEADINGS);
            page.executions().forEach(execution -> rows.add(row(execution)));
            TextTable.aligned(rows).forEach(session.out()::println);
            if (page.nextBefore() != null) {
                session.out().println("More with --before " + page.nextBefore());
            }
            return ExitCodes.OK;
        }
    }

    private static String[] row(JobExecutionView execution) {
        return new String[]{String.valueOf(execution.id()), execution.job(), execution.status(),
                time(execution.startTime()),
                execution.durationMillis() == null ? "-"
                        : String.format("%.1f s", execution.durationMillis() / 1000.0),
                String.format("%,d", execution.counts().read()), String.format("%,d", execution.counts().written()),
                String.format("%,d", execution.counts().skipped()), startedBy(execution.startedBy()),
                ScheduleTable.parameters(parameters(execution.parameters()))};
    }

    private static String time(OffsetDateTime time) {
        return time == null ? "-" : TIME.format(time);
    }

    static String startedBy(StartedBy startedBy) {
        if (StartedBy.SCHEDULE.equals(startedBy.by())) {
            return "schedule " + startedBy.schedule() + (startedBy.fire() == null ? "" : " " + startedBy.fire());
        }
        return startedBy.by() + (startedBy.user() == null ? "" : " (" + startedBy.user() + ")");
    }

    /** The run's own parameters: what started it is in its own column. */
    private static Map<String, String> parameters(Map<String, String> all) {
        Map<String, String> parameters = new TreeMap<>(all);
        parameters.keySet().removeIf(name -> name.startsWith("started.") || name.startsWith("schedule"));
        return parameters;
    }
}
