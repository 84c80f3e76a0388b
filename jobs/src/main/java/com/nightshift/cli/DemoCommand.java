package com.nightshift.cli;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import com.nightshift.config.BusinessCalendar;
import com.nightshift.demo.DemoChain;
import com.nightshift.demo.DemoConsole;
import com.nightshift.demo.DemoFigures;
import com.nightshift.demo.DemoOutputs;
import com.nightshift.demo.DemoPlan;
import com.nightshift.ops.JobRunner;
import com.nightshift.ops.StartedBy;
import com.nightshift.schedules.Schedules;

import picocli.CommandLine.Command;

@Command(name = "demo", description = "Run the engine on embedded servers with a generated demo chain: roll it up, "
        + "show where the results are and when the schedules fire next, then serve (and fire them) until Ctrl-C.")
final class DemoCommand implements Callable<Integer> {

    private final CliSession session;

    DemoCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        DemoOperator operator = DemoOperator.generate();
        Engine engine = session.startEngine(EngineMode.DEMO, true, operator.settings());
        try {
            engine.embeddedServers().forEach((service, address) ->
                    session.out().printf("Embedded %-10s %s%n", service, address));
            LocalDate lastDate = engine.bean(BusinessCalendar.class).yesterday();
            engine.bean(DemoChain.class).generateIfEmpty(lastDate).ifPresentOrElse(
                    summary -> session.out().printf("Generated the demo chain: %,d order lines in %,d orders, "
                            + "amount %s, in %.1f s%n", summary.lines(), summary.orders(),
                            summary.amount().toPlainString(), summary.took().toMillis() / 1000.0),
                    () -> session.out().println("The database already has orders: keeping them."));
            boolean allCompleted;
            try (ShutdownNotice shutdown = ShutdownNotice.install()) {
                allCompleted = runJobs(engine, lastDate);
                if (shutdown.requested()) {
                    // the engine is closing: nothing left to show or serve
                    session.err().println("nightshift: the demo's jobs were stopped at a chunk boundary because the "
                            + "process was asked to stop; run 'demo' again to resume them");
                    return ExitCodes.FAILED;
                }
            }
            printFigures(engine, lastDate);
            printOutputs(engine);
            printSchedules(engine);
            session.out().printf("Serving on http://localhost:%s ; Ctrl-C stops it.%n",
                    engine.property("local.server.port", "?"));
            if (operator.takenBy(engine)) {
                session.out().printf("Log in as %s with password %s (an operator; a new password each run).%n",
                        DemoOperator.NAME, operator.password());
            }
            if (!allCompleted) {
                session.err().println("nightshift: a demo job did not complete (see above)");
            }
        } catch (Exception | Error e) {
            engine.close();
            throw e;
        }
        engine.serveUntilStopped();
        return ExitCodes.OK;
    }

    private boolean runJobs(Engine engine, LocalDate lastDate) throws Exception {
        boolean allCompleted = true;
        for (Map.Entry<String, Map<String, String>> job : engine.bean(DemoPlan.class).jobs(lastDate).entrySet()) {
            JobExecution execution = engine.bean(JobRunner.class).run(job.getKey(), job.getValue(),
                    StartedBy.notes(StartedBy.COMMAND_LINE));
            new JobOutcome(execution).print(session.out());
            HealthResultLines.print(engine, execution, session.out());
            allCompleted &= execution.getStatus() == BatchStatus.COMPLETED;
        }
        return allCompleted;
    }

    private void printFigures(Engine engine, LocalDate date) {
        DemoConsole.figures(engine.bean(DemoFigures.class).of(date)).forEach(session.out()::println);
    }

    /** The shipped schedules fire while the demo serves: when each one fires next. */
    private void printSchedules(Engine engine) {
        Schedules schedules = engine.bean(Schedules.class);
        session.out().println("Schedules from " + schedules.location() + ", firing while the demo serves:");
        ScheduleTable.lines(schedules.statuses(1)).forEach(line -> session.out().println("  " + line));
    }

    private void printOutputs(Engine engine) {
        DemoConsole.outputs(engine.bean(DemoOutputs.class).list()).forEach(session.out()::println);
    }
}
