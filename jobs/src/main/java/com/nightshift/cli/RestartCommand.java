package com.nightshift.cli;

import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import com.nightshift.ops.JobRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "restart", description = "Resume a FAILED or STOPPED job execution from where it stopped, in this "
        + "process, as 'run' with its parameters would; exit 0 if it completed, 1 if not or if it cannot be "
        + "restarted (running, completed, abandoned, or a later execution of its run exists), 2 if there is no "
        + "such execution.")
final class RestartCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(index = "0", paramLabel = "ID",
            description = "The job execution's id, as 'run', 'executions', the API and the log name it.")
    long executionId;

    @Mixin
    EmbeddedOption embedded = new EmbeddedOption();

    RestartCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        try (Engine engine = session.startEngine(EngineMode.ONE_SHOT, embedded.asked);
             ShutdownNotice shutdown = ShutdownNotice.install()) {
            JobExecution execution = CommandLineAudit.of(engine).recorded("restart",
                    "jobs/executions/" + executionId, () -> engine.bean(JobRunner.class).restartHere(executionId));
            new JobOutcome(execution).print(session.out());
            if (shutdown.requested() && execution.getStatus() == BatchStatus.STOPPED) {
                session.err().printf("nightshift: job execution %d was stopped at a chunk boundary because the "
                        + "process was asked to stop; 'nightshift restart %d' resumes it%n", execution.getId(),
                        execution.getId());
            }
            return execution.getStatus() == BatchStatus.COMPLETED ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
