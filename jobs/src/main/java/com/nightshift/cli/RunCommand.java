package com.nightshift.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import com.nightshift.ops.JobParametersParser;
import com.nightshift.ops.JobRunner;
import com.nightshift.ops.StartedBy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Run one job now, in this process; exit 0 if it completed, 1 if not. "
        + "SIGTERM or Ctrl-C stops it at a chunk boundary (exit 143 or 130); the same command resumes it.")
final class RunCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    EmbeddedOption embedded = new EmbeddedOption();

    @Parameters(index = "0", paramLabel = "JOB", description = "The job to run.")
    String job;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Job parameters.")
    List<String> parameters = new ArrayList<>();

    RunCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> jobParameters = JobParametersParser.toMap(parameters);
        KnownJobs.named(job).check(jobParameters);
        try (Engine engine = session.startEngine(EngineMode.ONE_SHOT, embedded.asked);
             ShutdownNotice shutdown = ShutdownNotice.install()) {
            JobExecution execution = CommandLineAudit.of(engine).recorded("start", "jobs/" + job, () -> engine
                    .bean(JobRunner.class).run(job, jobParameters, StartedBy.notes(StartedBy.COMMAND_LINE)));
            new JobOutcome(execution).print(session.out());
            HealthResultLines.print(engine, execution, session.out());
            if (shutdown.requested() && execution.getStatus() == BatchStatus.STOPPED) {
                session.err().printf("nightshift: job %s was stopped at a chunk boundary because the process was "
                        + "asked to stop; run the same command again to resume it%n", job);
            }
            return execution.getStatus() == BatchStatus.COMPLETED ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
