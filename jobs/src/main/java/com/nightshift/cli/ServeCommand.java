package com.nightshift.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", description = "Run the engine until stopped: the read API, the jobs API and the "
        + "schedules; resumes runs left by instances that died. SIGTERM or Ctrl-C stops it: no more fires or runs, "
        + "its runs stopped at a chunk boundary (within nightshift.ops.stop-timeout), STOPPED and resumed by their "
        + "next start; exit 0.")
final class ServeCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    EmbeddedOption embedded = new EmbeddedOption();

    ServeCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws InterruptedException {
        Engine engine = session.startEngine(EngineMode.SERVER, embedded.asked);
        session.out().printf("Nightshift is serving on port %s; Ctrl-C stops it.%n",
                engine.property("local.server.port", "?"));
        engine.serveUntilStopped();
        return ExitCodes.OK;
    }
}
