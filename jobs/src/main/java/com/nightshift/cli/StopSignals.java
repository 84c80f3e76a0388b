package com.nightshift.cli;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT (Ctrl-C) handled by a command instead of the JVM, while it is installed: the JVM would run
 * its shutdown hooks and end the process with code 143 or 130 whatever the command returns, but a server asked
 * to stop has done nothing wrong. Closing it gives the signals back to the JVM: a second one while the engine is
 * stopping then takes the ordinary way (the shutdown hook, which waits for the same close). {@code sun.misc.Signal}
 * is the only way the JDK offers; where the JVM keeps a signal to itself ({@code -Xrs}), that signal keeps its
 * ordinary handling.
 */
final class StopSignals implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);
    private static final List<String> NAMES = List.of("TERM", "INT");

    private final List<Runnable> restores = new ArrayList<>();

    private StopSignals() {
    }

    static StopSignals handle(Runnable onSignal) {
        StopSignals signals = new StopSignals();
        for (String name : NAMES) {
            Signal signal = new Signal(name);
            try {
                SignalHandler previous = Signal.handle(signal, received -> {
                    log.info("Received SIG{}: stopping", received.getName());
                    onSignal.run();
                });
                signals.restores.add(() -> Signal.handle(signal, previous));
            } catch (IllegalArgumentException e) {
                log.info("SIG{} stays with the JVM: {}", name, e.getMessage());
            }
        }
        return signals;
    }

    @Override
    public void close() {
        restores.forEach(Runnable::run);
    }
}
