package com.nightshift.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * What every command is given: the {@code --name=value} settings meant for the engine, and where to
 * write its output and its one-line errors.
 */
record CliSession(List<String> springArguments, PrintWriter out, PrintWriter err) {

    /** @param embedded start embedded servers for the services that are not configured */
    Engine startEngine(EngineMode mode, boolean embedded) {
        return Engine.start(mode, embedded, springArguments);
    }
}
