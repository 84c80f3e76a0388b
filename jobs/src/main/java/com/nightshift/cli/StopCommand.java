package com.nightshift.cli;

import java.util.concurrent.Callable;

import org.springframework.batch.core.job.JobExecution;

import com.nightshift.ops.JobRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "stop", description = "Ask a running job execution to stop at its next chunk boundary, on whichever "
        + "instance runs it; running the same job and parameters again resumes it. Exit 1 if it is not running.")
final class StopCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(index = "0", paramLabel = "ID",
            description = "The job execution's id, as 'run', the API and the log name it.")
    long executionId;

    @Mixin
    EmbeddedOption embedded = new EmbeddedOption();

    StopCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        try (Engine engine = session.startEngine(EngineMode.ONE_SHOT, embedded.asked)) {
            JobExecution execution = CommandLineAudit.of(engine).recorded("stop", "jobs/executions/" + executionId,
                    () -> engine.bean(JobRunner.class).stop(executionId));
            session.out().printf("Asked job %s execution %d to stop at its next chunk boundary; run the same job "
                    + "and parameters again to resume it.%n", execution.getJobInstance().getJobName(), executionId);
            return ExitCodes.OK;
        }
    }
}
