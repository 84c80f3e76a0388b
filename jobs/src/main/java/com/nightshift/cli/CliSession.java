package com.nightshift.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * What every command is given: the {@code --name=value} settings meant for the engine, and where to
 * write its output and its one-line errors.
 */
record CliSession(List<String> springArguments, PrintWriter out, PrintWriter err) {

    /** @param embedded start embedded servers for the services that are not configured */
    Engine startEngine(EngineMode mode, boolean embedded) {
        return Engine.start(mode, embedded, springArguments);
    }

    /** @param defaults settings of this start that the operator's own override */
    Engine startEngine(EngineMode mode, boolean embedded, Map<String, Object> defaults) {
        return Engine.start(mode, embedded, springArguments, defaults);
    }
}
