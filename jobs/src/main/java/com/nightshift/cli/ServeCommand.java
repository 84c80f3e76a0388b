package com.nightshift.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", description = "Run the engine until stopped: the read API and the jobs API. SIGTERM or "
        + "Ctrl-C stops its runs at a chunk boundary, then the engine (exit 143 or 130).")
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
